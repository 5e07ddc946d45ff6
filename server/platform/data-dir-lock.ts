// The embedded database belongs to one process: PGlite has no locking of its own, so two processes
// opening the same directory would corrupt it. We claim the directory with a pid file and refuse,
// with a message that says what to do, when a live process already holds it.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';

export interface DataDirOwner {
  pid: number;
  command: string;
  port?: number;
  startedAt: string;
}

const LOCK_FILE = 'tandem.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readDataDirOwner(dataDir: string): DataDirOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as DataDirOwner;
    return isAlive(owner.pid) && owner.pid !== process.pid ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Claims `dataDir` for this process; returns a release function. */
export function claimDataDir(dataDir: string, command: string): { release(): void; update(port: number): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const owner = readDataDirOwner(dataDir);
  if (owner) {
    const what = owner.command === 'serve' ? `the Tandem server${owner.port ? ` on port ${owner.port}` : ''}` : `\`tandem ${owner.command}\``;
    throw new AppError(
      'data_dir_busy',
      `The embedded database in ${dataDir} is in use by ${what} (pid ${owner.pid}). ` +
        'Stop it first, use the running server (web app or API), or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  const write = (port?: number) =>
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, command, port, startedAt: new Date().toISOString() }));
  write();
  return {
    update: (port) => write(port),
    release: () => {
      try {
        const current = JSON.parse(fs.readFileSync(file, 'utf8')) as DataDirOwner;
        if (current.pid === process.pid) fs.unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}
