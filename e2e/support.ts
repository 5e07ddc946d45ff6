// Starts Tandem as users run it (`tandem serve`, fresh data directory, built web app) and a headless
// Chromium from Debian (never a downloaded browser).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(root, 'docs', 'screenshots');

export interface RunningTandem {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Runs a CLI command against the same data directory (only while the server is stopped). */
  cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** `setup` runs CLI commands (e.g. `demo`) on the data directory before the server starts. */
export async function startTandem(opts: { setup?: string[][] } = {}): Promise<RunningTandem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const env = { ...process.env, TANDEM_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' };
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(process.execPath, ['bin/tandem.js', 'serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false)) return url;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('Tandem did not start');
  };
  for (const args of opts.setup ?? []) {
    const r = await runCli(args);
    if (r.code !== 0) throw new Error(`tandem ${args.join(' ')} failed: ${r.stderr}`);
  }
  const url = await start();
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child!.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    dataDir,
    stop: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    cli: runCli,
  };

  function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const c = spawn(process.execPath, ['bin/tandem.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      c.stdout!.on('data', (d) => (stdout += d));
      c.stderr!.on('data', (d) => (stderr += d));
      c.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
