// The server under test runs in its own process, started the way `tandem serve` starts it (same
// entry, same config from the environment, default pool and log level), so the load generator in
// this process never shares an event loop with it. The web build step of bin/tandem.js is skipped:
// the benchmark measures the API, and must not rebuild dist/ as a side effect.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../lib/measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  baseUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  dataDir: string;
  /** Server log file (stderr and stdout; at info level Tandem logs every request). */
  logFile: string;
  logLevel: string;
  /** Extra node flags, e.g. --cpu-prof for a profile of the server under load. */
  nodeArgs?: string[];
}

export async function startServerProcess(opts: ServerOptions): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  if (await reachable(baseUrl)) throw new Error(`port ${opts.port} is already in use; pass --port`);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const out = fs.openSync(opts.logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(ROOT, 'server', 'main.ts'), 'serve'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: opts.databaseUrl,
        PORT: String(opts.port),
        HOST: '127.0.0.1',
        TANDEM_DATA_DIR: opts.dataDir,
        LOG_LEVEL: opts.logLevel,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));

  const deadline = Date.now() + 60_000;
  while (!(await reachable(`${baseUrl}/readyz`, true))) {
    if (exited) throw new Error(`the server exited during start; see ${opts.logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not become ready in 60s; see ${opts.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`server pid ${child.pid} ready at ${baseUrl}`);
  return {
    baseUrl,
    pid: child.pid,
    stop: async () => {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** True when something answers at `url` (with a 2xx when `needOk`). */
async function reachable(url: string, needOk = false): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return !needOk || res.ok;
  } catch {
    return false;
  }
}
