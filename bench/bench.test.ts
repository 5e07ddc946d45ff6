// Runs each benchmark's machinery at a tiny scale, so the benchmarks keep working as the code they
// measure changes. Asserts what the numbers are made of (counts, shapes, correctness checks), never
// how fast anything was: timings on a shared machine are not test material.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, startTestServer, type TestServer } from '../server/test/harness.ts';
import { writeContactsCsv, type ContactsCsv } from './lib/contacts-csv.ts';
import { createBenchWorkspace, importContactsCsv } from './lib/tandem-workspace.ts';
import { runImportBench } from './import-bench.ts';
import { runApiBench } from './api-bench.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-test-'));
let csv: ContactsCsv;

beforeAll(async () => {
  csv = await writeContactsCsv(path.join(dir, 'contacts.csv'), { rows: 2000, duplicateShare: 0.05, seed: 42 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('generated contacts CSV', () => {
  it('is the same file for the same seed, with the asked share of repeated emails', async () => {
    const again = await writeContactsCsv(path.join(dir, 'again.csv'), { rows: 2000, duplicateShare: 0.05, seed: 42 });
    expect(sha(again.file)).toBe(sha(csv.file));
    expect(csv.duplicateRows).toBe(100);
    expect(csv.distinctEmails).toBe(1900);
    const emails = fs
      .readFileSync(csv.file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1].toLowerCase());
    expect(emails).toHaveLength(2000);
    expect(new Set(emails).size).toBe(1900);
  });
});

describe('import benchmark', () => {
  it('imports, re-imports and reports counts that match the file', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const summary = await runImportBench(database, path.join(dir, 'import-data'), csv, { updateRun: true, copyBaseline: true });
      expect(summary.tandem).toMatchObject({
        rows: 2000,
        created: 1900,
        updated: 100,
        failed: 0,
        contactsAfter: 1900,
        countsCorrect: true,
      });
      expect(summary.tandem.rowsPerSecond).toBeGreaterThan(0);
      expect(summary.updateRun).toMatchObject({
        rows: 2000,
        created: 0,
        updated: 2000,
        failed: 0,
        contactsAfter: 1900,
        countsCorrect: true,
      });
      expect(summary.contactIndexes).toContain('contacts_email');
      expect(summary.accountsCreated).toBeGreaterThan(0);
      if (database.engine === 'postgres') {
        expect(summary.copyBaseline?.runs.map((r) => r.rows)).toEqual([2000, 2000]);
        expect(summary.ratioToCopy).toBeGreaterThan(0);
      } else {
        // COPY FROM STDIN needs the PostgreSQL wire protocol; the suite on TEST_DATABASE_URL covers it
        expect(summary.copyBaseline).toBeNull();
      }
    } finally {
      await database.close();
      await drop();
    }
  });
});

describe('API benchmark', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('walks, checks and measures every scenario over HTTP and direct SQL', async () => {
    const dataDir = path.join(dir, 'api-data');
    const ws = await createBenchWorkspace(server.database, dataDir);
    await importContactsCsv(server.database, ws.workspaceId, csv.file, dataDir);

    const result = await runApiBench({ baseUrl: server.url, apiKey: ws.apiKey }, server.database.pool, ws.workspaceId, {
      listPages: 5,
      otherPages: 2,
      deepCursors: [],
      searchTerms: csv.searchTerms,
      durationSeconds: 0.5,
      connections: [2, 4],
      warmupSeconds: 0,
      serialSeconds: 0.3,
      sqlPoolSize: 2,
      explain: () => {},
    });

    expect(result.correct).toBe(true);
    expect(result.checks.list).toMatchObject({ pages: 5, rows: 250, duplicates: 0, sorted: true });
    expect(result.checks.searchRare.rows).toBeGreaterThan(0);
    expect(Object.keys(result.scenarios)).toEqual(['healthz', 'list', 'filterSelect', 'filterRange', 'searchCommon', 'searchRare']);
    for (const [name, s] of Object.entries(result.scenarios)) {
      expect(s.http.low.requests, name).toBeGreaterThan(0);
      expect(s.http.low.non2xx + s.http.high.non2xx, name).toBe(0);
      expect(s.http.low.p95Ms, name).toBeGreaterThanOrEqual(s.http.low.p50Ms);
      if (name === 'healthz') continue;
      expect(s.sql?.low.requests, name).toBeGreaterThan(0);
      expect(s.sql?.low.errors, name).toBe(0);
      expect(s.plan?.shape, name).toMatch(/Limit/);
    }
    expect(result.scenarios.list.totalMatches).toBe(1900);
  });
});
