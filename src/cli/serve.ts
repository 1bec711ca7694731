import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { announceStart, type Roles, startProcess } from '../main.ts';

const modes: Array<{ name: string; roles: Roles; description: string }> = [
  {
    name: 'start',
    roles: { api: true, worker: true },
    description: 'API, worker and scheduler in one process (the embedded default)',
  },
  {
    name: 'api',
    roles: { api: true, worker: false },
    description: 'HTTP API only; run several behind a load balancer (needs DATABASE_URL)',
  },
  {
    name: 'worker',
    roles: { api: false, worker: true },
    description: 'Job worker only; run as many as the load needs (needs DATABASE_URL)',
  },
];

/** `start`, `api` and `worker`: the same process, with different roles switched on. */
export function serveCommands(): Command[] {
  return modes.map(({ name, roles, description }) =>
    new Command(name).description(description).action(async () => {
      const config = loadConfig();
      const running = await startProcess(config, roles);
      await announceStart(running, config, (line) => process.stdout.write(`${line}\n`));
      if (!roles.api) running.log.info({ roles }, 'worker started');
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        running.log.info({ signal }, 'shutting down');
        // A second signal, or a shutdown that hangs, must not leave the process running forever.
        setTimeout(() => process.exit(1), 15_000).unref();
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    }),
  );
}
