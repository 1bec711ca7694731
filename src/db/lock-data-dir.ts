import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    holder: string,
  ) {
    super(
      `The data directory is in use by another Toombos process (${holder}); lock file ${lockPath}. ` +
        'PGlite has no lock of its own and two processes on one directory lose data: stop the other ' +
        'process, or point DATA_DIR elsewhere. Several processes need PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Exclusive lock on the PGlite data directory: a file created with O_EXCL holding our pid.
 * A lock left by a crashed process (same host, pid gone) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'toombos.lock');
  const owner = `${hostname()}:${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, owner);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readFileSync(lockPath, 'utf8').trim();
      const [holderHost, holderPid] = holder.split(':');
      const stale =
        holderHost === hostname() && holderPid !== undefined && !isAlive(Number(holderPid));
      if (!stale) throw new DataDirLockedError(lockPath, `pid ${holder}`);
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(lockPath, 'unknown');
}
