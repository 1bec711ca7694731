// `npx tsx bench/deliveries-main.ts`: the delivery bench alone (also part of `npm run bench`).
import { loadBenchConfig } from './config.ts';
import { benchDeliveries } from './deliveries.ts';

const config = loadBenchConfig();
await benchDeliveries((line) => process.stdout.write(`• ${line}\n`), {
  count: config.BENCH_DELIVERIES,
  postgresUrl: config.BENCH_DATABASE_URL,
});
process.exit(0);
