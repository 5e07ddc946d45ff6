// Where the ingest server's CPU goes while it acknowledges /v1/batch requests (processing off, so
// only the request path shows): the server runs with --cpu-prof, the benchmark's load generator
// sends `events` events, then the server stops and the profile's top self-time functions print.
//   node --import tsx bench/experiments/profile-ingest-server.ts [events=200000] [--no-profile]
// With --no-profile it only measures: the acknowledgement rate with processing off (bodies built
// before the clock starts, as the benchmark does).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { initWorkspace } from '../../server/workspaces/init-workspace.ts';
import { insertSource } from '../../server/tracking/sources.store.ts';
import { ingestServer } from '../ingest/server.ts';
import { runLoad } from '../ingest/load.ts';
import { batchBody, visitorsFor } from '../ingest/events.ts';

const events = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 200_000);
const profiling = !process.argv.includes('--no-profile');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'output', 'ingest-profile');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const { database, url } = await freshBenchDatabase('bench_ingest_cpu', 2);
const ids = await initWorkspace(database.db, { workspace: 'Cpu', email: 'cpu@bench.tandem.local', password: 'benchmark-password' });
const sourceId = await insertSource(database.db, ids.workspaceId, 'Website');
const { write_key } = await database.db.selectFrom('sources').select('write_key').where('id', '=', sourceId).executeTakeFirstOrThrow();
await database.close();

process.env.TANDEM_WORKER = 'false';
const server = ingestServer({ databaseUrl: url, dataDir: path.join(out, 'data'), port: 3207, logFile: path.join(out, 'server.log'), logLevel: 'info', nodeArgs: profiling ? ['--cpu-prof', `--cpu-prof-dir=${out}`] : [] });
await server.start();
const visitors = visitorsFor(events);
const bodies = Array.from({ length: events / 100 }, (_, b) => Buffer.from(batchBody(1, b, 100, events, visitors)));
const load = await runLoad({ baseUrl: server.baseUrl, writeKey: write_key, batches: events / 100, clients: 8, body: (b) => bodies[b] });
await server.stop();
console.error(`acknowledged ${events} events in ${load.seconds.toFixed(1)} s: ${Math.round(events / load.seconds)} events/s`);
if (!profiling) process.exit(0);

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
const file = fs.readdirSync(out).find((f) => f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) as { nodes: Node[] };
const total = profile.nodes.reduce((s, n) => s + n.hitCount, 0);
const bySelf = new Map<string, number>();
for (const n of profile.nodes) {
  const where = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + n.hitCount);
}
const top = [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.log(JSON.stringify({ eventsPerSecond: Math.round(events / load.seconds), top: top.map(([k, v]) => `${((v / total) * 100).toFixed(1)}% ${k}`) }, null, 1));
