// EXPERIMENT: CPU profile of the server process while it answers one API scenario (default: the sorted
// list), summarised by package and by function (self time). Needs bench_api filled by `bench -- api`.
//   npx tsx bench/experiments/profile-server.ts [list|search|healthz] [seconds] [logLevel]
import fs from 'node:fs';
import path from 'node:path';
import { databaseUrl } from '../lib/bench-database.ts';
import { startServerProcess } from '../api/server-process.ts';
import { loadHttp } from '../api/load-http.ts';
import { walkPages } from '../api/scenarios.ts';

const [scenario = 'list', seconds = '15', logLevel = 'info'] = process.argv.slice(2);
const out = path.resolve('bench/output');
const state = JSON.parse(fs.readFileSync(path.join(out, 'api-state.json'), 'utf8')) as { apiKey: string };
const profDir = path.join(out, 'prof');
fs.rmSync(profDir, { recursive: true, force: true });
const server = await startServerProcess({
  databaseUrl: databaseUrl('bench_api'),
  port: 3202,
  dataDir: path.join(out, 'api-data'),
  logFile: path.join(out, 'profile-server.log'),
  logLevel,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
});
const target = { baseUrl: server.baseUrl, apiKey: state.apiKey };
const params: Record<string, string> = scenario === 'search' ? { q: 'son', limit: '50' } : { sort: '-createdAt', limit: '50' };
const paths = scenario === 'healthz' ? ['/healthz'] : (await walkPages(target, params, 50, () => true)).paths;
const result = await loadHttp({
  baseUrl: server.baseUrl,
  paths,
  headers: { authorization: `Bearer ${state.apiKey}` },
  connections: 10,
  durationSeconds: Number(seconds),
});
await server.stop();
console.log(JSON.stringify({ scenario, logLevel, reqPerSec: result.reqPerSec, p50Ms: result.p50Ms, p95Ms: result.p95Ms }));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as { nodes: Node[]; samples: number[] };
const total = profile.samples.length;
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const n of profile.nodes) {
  if (!n.hitCount) continue;
  const url = n.callFrame.url;
  const pkg = url.includes('node_modules/')
    ? url
        .split('node_modules/')[1]
        .split('/')
        .slice(0, url.includes('node_modules/@') ? 2 : 1)
        .join('/')
    : url.includes('/server/')
      ? `server/${url.split('/server/')[1].split('/')[0]}`
      : url.startsWith('node:')
        ? url
        : n.callFrame.functionName.startsWith('(')
          ? n.callFrame.functionName
          : url || '(native)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.hitCount);
  const fn = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + n.hitCount);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
console.log('\nself time by package:\n' + top(byPackage, 18).join('\n'));
console.log('\nself time by function:\n' + top(byFunction, 30).join('\n'));
