// The ingest benchmark's machinery at a tiny scale: a real `tandem serve` process (on the embedded
// database in a data directory, or a fresh database on TEST_DATABASE_URL), real HTTP batches, a real
// kill -9 and restart. Asserts counts (every acknowledged event stored once, none lost), never timings.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '../server/platform/db.ts';
import { migrateToLatest } from '../server/platform/migrate.ts';
import { withDatabase } from '../server/test/global-setup.ts';
import { runIngestBench, type IngestTarget } from './ingest-bench.ts';
import { batchBody, benchEvent, copyRow, messageIdOf, visitorsFor } from './ingest/events.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-ingest-test-'));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fresh database for the server process: on TEST_DATABASE_URL, or the embedded one in a directory. */
async function target(): Promise<IngestTarget> {
  const dataDir = path.join(dir, 'data');
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tandem_t_ingest_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    await admin.end();
    const databaseUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl, poolSize: 4 });
    cleanups.push(async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    });
    return { engine: 'postgres', databaseUrl, dataDir, withDb: (fn) => fn(database), pool: database.pool };
  }
  // the server process keeps its embedded database in its data directory
  const open = async (): Promise<OpenDatabase> => openDatabase({ dataDir, command: 'bench' });
  const first = await open();
  await migrateToLatest(first.db);
  await first.close();
  return {
    engine: 'pglite',
    dataDir,
    async withDb(fn) {
      const database = await open();
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
  };
}

describe('ingest benchmark events', () => {
  it('are the same for the same index, with unique messageIds, and fit Segment limits', () => {
    const visitors = visitorsFor(1000);
    expect(benchEvent(1, 42, 0, visitors)).toEqual(benchEvent(1, 42, 0, visitors));
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => messageIdOf(1, i)));
    expect(ids.size).toBe(1000);
    expect(messageIdOf(2, 5)).not.toBe(messageIdOf(1, 5));
    const body = batchBody(1, 3, 100, 1000, visitors);
    const parsed = JSON.parse(body) as { batch: Array<{ messageId: string; type: string }> };
    expect(parsed.batch.map((e) => e.messageId)).toEqual(Array.from({ length: 100 }, (_, i) => messageIdOf(1, 300 + i)));
    expect(Buffer.byteLength(body)).toBeLessThan(500 * 1024);
    const types = new Set(Array.from({ length: 1000 }, (_, i) => benchEvent(1, i, 0, visitors).type));
    expect([...types].sort()).toEqual(['group', 'identify', 'page', 'track']);
    // the COPY row carries the same event in the events table's 17 columns
    const row = copyRow(1, 7, 0, visitors, { workspaceId: 'w', sourceId: 's' });
    expect(row.endsWith('\n')).toBe(true);
    const cells = row.slice(0, -1).split('\t');
    expect(cells).toHaveLength(17);
    expect(cells[6]).toBe(messageIdOf(1, 7));
  });
});

describe('ingest benchmark', () => {
  it('acknowledges, stores every event once, and loses nothing acknowledged across a kill -9', async () => {
    const t = await target();
    const summary = await runIngestBench(t, {
      events: 3000,
      clients: 4,
      batch: 50,
      crashEvents: 2000,
      killAfterSeconds: 60,
      killAfterBatches: 8,
      port: await freePort(),
      logLevel: 'warn',
      outputDir: dir,
      copyBaseline: t.engine === 'postgres',
      catchUpTimeoutSeconds: 60,
      finishProcessing: true,
    });

    expect(summary.ingest).toMatchObject({ acknowledgedEvents: 3000, requests: 60, non200: 0, connectionErrors: 0, rejectedEvents: 0 });
    expect(summary.ingest.latency.requests).toBe(60);
    expect(summary.ingest.latency.p99Ms).toBeGreaterThanOrEqual(summary.ingest.latency.p50Ms);
    expect(summary.stored).toMatchObject({ acknowledged: 3000, stored: 3000, distinctMessageIds: 3000, duplicates: 0, lost: 0, failedInInbox: 0 });
    if (t.engine === 'postgres') {
      expect(summary.copyBaseline?.runs.map((r) => r.rows)).toEqual([3000, 3000]);
      expect(summary.cpuPerEvent?.duringLoad?.postgresMs).toBeGreaterThan(0);
    } else {
      expect(summary.copyBaseline).toBeNull();
    }

    const crash = summary.crash!;
    expect(crash.killed).toBe(true);
    expect(crash.acknowledgedBeforeKill).toBeGreaterThanOrEqual(8 * 50);
    expect(crash.acknowledged).toBe(2000); // what got no answer was sent again after the restart
    expect(crash.lostOfAcknowledgedBeforeKill).toBe(0);
    expect(crash.stored).toMatchObject({ acknowledged: 2000, stored: 2000, distinctMessageIds: 2000, duplicates: 0, lost: 0, failedInInbox: 0, pendingInInbox: 0 });
  }, 600_000);
});
