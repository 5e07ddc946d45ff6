// The server under test in its own process, started as `tandem serve` starts (see
// bench/api/server-process.ts), that the crash test can kill -9 and start again on the same database:
// a PostgreSQL server (DATABASE_URL) or the embedded database in a data directory (the machinery test).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../lib/measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface IngestServerOptions {
  /** PostgreSQL server database; unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  logFile: string;
  logLevel: string;
  /** Extra node flags, e.g. --cpu-prof (bench/ingest/profile-server.ts). */
  nodeArgs?: string[];
}

export interface IngestServer {
  readonly baseUrl: string;
  pid(): number | undefined;
  /** Starts the process (again) and waits until /readyz answers; returns the seconds it took. */
  start(): Promise<number>;
  /** kill -9: no shutdown hook runs, in-flight requests get no answer. */
  kill(): Promise<void>;
  /** SIGTERM, as an operator stops it. */
  stop(): Promise<void>;
}

export function ingestServer(opts: IngestServerOptions): IngestServer {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: opts.dataDir,
    LOG_LEVEL: opts.logLevel,
    NODE_ENV: 'production',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;

  return {
    baseUrl,
    pid: () => child?.pid,
    async start() {
      const started = Date.now();
      if (await reachable(`${baseUrl}/healthz`)) throw new Error(`port ${opts.port} is already in use; pass --port`);
      fs.mkdirSync(opts.dataDir, { recursive: true });
      // restarts append to the same log, so the crash shows in it
      const out = fs.openSync(opts.logFile, starts++ === 0 ? 'w' : 'a');
      const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(ROOT, 'server', 'main.ts'), 'serve'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', out, out],
      });
      fs.closeSync(out);
      child = proc;
      // never leave a server behind if this process ends first (an error, Ctrl-C)
      const orphan = () => proc.kill('SIGKILL');
      process.once('exit', orphan);
      proc.once('exit', () => process.off('exit', orphan));
      let gone = false;
      exited = new Promise((resolve) => proc.once('exit', () => ((gone = true), resolve())));
      const deadline = Date.now() + 120_000;
      while (!(await reachable(`${baseUrl}/readyz`, true))) {
        if (gone) throw new Error(`the server exited during start; see ${opts.logFile}`);
        if (Date.now() > deadline) {
          proc.kill('SIGKILL');
          throw new Error(`the server did not become ready in 120s; see ${opts.logFile}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      log(`server pid ${proc.pid} ready at ${baseUrl}`);
      return (Date.now() - started) / 1000;
    },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const proc = child;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function reachable(url: string, needOk = false): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return !needOk || res.ok;
  } catch {
    return false;
  }
}
