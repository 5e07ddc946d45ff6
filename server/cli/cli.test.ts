// The `tandem` command end to end, as separate processes on one embedded data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;

function tandem(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function run(args: string[], env: Record<string, string> = {}) {
  const child = tandem(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('tandem CLI', () => {
  let ids: { workspaceId: string; userId: string; apiKey: string };

  it('has --help on every command', async () => {
    for (const cmd of ['serve', 'worker', 'migrate', 'init', 'import', 'demo']) {
      const r = await run([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain(`Usage: tandem ${cmd}`);
    }
  });

  it('init --json creates a workspace, its admin and an admin API key', async () => {
    const bad = await run(['init', '--workspace', 'Acme', '--email', 'not-an-email', '--password', 'longenough']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('email');
    const r = await run(['init', '--workspace', 'Acme', '--email', 'ops@acme.test', '--password', 'longenough', '--json']);
    expect(r.code, r.stderr).toBe(0);
    ids = JSON.parse(r.stdout);
    expect(ids).toMatchObject({ workspaceId: expect.any(String), userId: expect.any(String), apiKey: expect.stringMatching(/^tdm_sk_/) });
  });

  it('imports a CSV with a summary, and writes the failed rows to an error report', async () => {
    const file = path.join(dataDir, 'people.csv');
    fs.writeFileSync(file, 'Email,First Name,Last Name,Company\nann@acme.test,Ann,Lee,Acme\nbob@acme.test,Bob,Ray,Acme\nbroken,Cy,Bad,\n');
    const r = await run(['import', 'contacts', file, '--workspace', ids.workspaceId]);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 3, created: 2, updated: 0, failed: 1 });
    expect(r.stderr).toContain('Email → email');
    expect(r.stderr).toContain('Company → accountName');
    const report = fs.readFileSync(path.join(dataDir, 'people-errors.csv'), 'utf8');
    expect(report).toContain('"email: ""broken"" is not a valid email address"');
    const unknown = await run(['import', 'contacts', file, '--workspace', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no workspace with id');
  });

  it('imports deals: lists unknown stages and owners before writing anything, then imports with --map-stage', async () => {
    const file = path.join(dataDir, 'deals.csv');
    fs.writeFileSync(
      file,
      'Opportunity Name,Amount,Stage,Opportunity Owner,Account Name,Created Date,Close Date\n' +
        'Big one,5000,Closed Won,Former Rep,Acme,1/10/2025,2/19/2025\n' +
        'Next one,2000,Demo Booked,ops@acme.test,Acme,3/1/2025,\n' +
        ',100,Proposal,,,,\n',
    );
    const refused = await run(['import', 'deals', file, '--workspace', ids.workspaceId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported');
    expect(refused.stderr).toContain('"Demo Booked" (1 rows) is not a stage of "New business"');
    expect(refused.stderr).toContain('"Former Rep" (1 rows) is not a user of this workspace');
    const bad = await run(['import', 'deals', file, '--workspace', ids.workspaceId, '--map-stage', 'Demo Booked=Nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"Nope" is not a stage of the pipeline "New business"');

    const r = await run(['import', 'deals', file, '--workspace', ids.workspaceId, '--map-stage', 'Demo Booked=Discovery', '--create-owners']);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 3, created: 2, failed: 1 });
    expect(r.stderr).toContain('Opportunity Name → name');
    expect(r.stderr).toContain('created inactive users: Former Rep');
    expect(r.stderr).toContain('importing this file again would create its deals again');
    expect(fs.readFileSync(path.join(dataDir, 'deals-errors.csv'), 'utf8')).toContain('name: is empty');
  });

  it('serve: refuses a second process on the embedded database, drains in-flight requests on SIGTERM', async () => {
    const port = await freePort();
    const server = tandem(['serve'], { PORT: String(port), LOG_LEVEL: 'info' });
    let log = '';
    server.stderr!.on('data', (c) => (log += c));
    server.stdout!.on('data', (c) => (log += c));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const contacts = await fetch(`${base}/api/v1/contacts?sort=email`, { headers: { authorization: `Bearer ${ids.apiKey}` } });
    expect(((await contacts.json()) as { data: Array<{ email: string }> }).data.map((c) => c.email)).toEqual(['ann@acme.test', 'bob@acme.test']);

    const second = await run(['init', '--workspace', 'Other', '--email', 'x@y.test', '--password', 'longenough']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by the Tandem server on port ${port}`);

    // an upload that is still streaming when SIGTERM arrives completes before the process exits
    let sendRest!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('email\n'));
        sendRest = () => {
          controller.enqueue(new TextEncoder().encode('late@acme.test\n'));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${base}/api/v1/imports?objectType=contact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ids.apiKey}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    sendRest();
    const res = await inFlight;
    expect(res.status).toBe(201);
    expect(await exited, log).toBe(0);
    expect(log).toContain('stopped cleanly');
    expect(fs.existsSync(path.join(dataDir, 'tandem.lock'))).toBe(false);
  });
});
