// Entry point of the `toombos` command (bin/toombos.js loads it through tsx; `node dist/cli/run.js` after a build).
import { runCli } from './index.ts';

await runCli(process.argv);
