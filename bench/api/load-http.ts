// Closed-loop HTTP load with keep-alive connections (autocannon): each connection sends its next
// request when the previous answer arrived. Every response's time is kept, so percentiles are exact
// rather than read off a histogram, and any non-2xx answer is counted (a fast error is not a result).
import autocannon from 'autocannon';
import { createRandom } from '../lib/random.ts';
import { round, summarizeLatencies, type LatencySummary } from '../lib/measure.ts';

export interface LoadResult extends LatencySummary {
  connections: number;
  seconds: number;
  reqPerSec: number;
  non2xx: number;
  errors: number;
}

export interface HttpLoad {
  baseUrl: string;
  /** Paths to request; each request picks one at random (seeded). */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export async function loadHttp(load: HttpLoad): Promise<LoadResult> {
  const random = createRandom(7);
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: load.baseUrl,
    connections: load.connections,
    duration: load.durationSeconds,
    headers: load.headers,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: load.paths.length === 1 ? load.paths[0] : random.pick(load.paths) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx++;
  });
  const result = await instance;
  const seconds = result.duration;
  return {
    connections: load.connections,
    seconds: round(seconds, 2),
    reqPerSec: Math.round(latencies.length / seconds),
    ...summarizeLatencies(latencies),
    non2xx,
    errors: result.errors,
  };
}
