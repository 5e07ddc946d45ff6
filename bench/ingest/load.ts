// Closed-loop clients posting /v1/batch over keep-alive connections, as a fleet of Segment libraries
// would: each client sends its next batch when the previous one was answered. Every answer's time and
// every acknowledged batch are kept (the crash test needs to know exactly what was acknowledged).
// With `retry`, a batch whose request failed (connection refused or reset, 5xx) is sent again once the
// server is back — what Segment's libraries do, and what makes duplicates possible.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  baseUrl: string;
  writeKey: string;
  batches: number;
  clients: number;
  /** The JSON body of batch b. */
  body(b: number): string | Buffer;
  /** Resend failed batches after `waitForServer` resolves (crash test); otherwise count them as failed. */
  retry?: { waitForServer(): Promise<void> };
  /** Called after each acknowledged batch, with how many are acknowledged so far. */
  onAck?(acked: number): void;
  /** Where acknowledgements are recorded (1 per acknowledged batch), so the caller can copy it mid-run. */
  acked?: Uint8Array;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  /** Per batch: 1 once a request carrying it was answered 200. */
  acked: Uint8Array;
  ackedBatches: number;
  /** Milliseconds of each 200 answer. */
  latencies: number[];
  /** Answers other than 200, and requests that got no answer (connection refused/reset, timeout). */
  non200: number;
  connectionErrors: number;
  /** Batches that were sent more than once (after a failure). */
  resent: number;
  /** Events the server refused inside acknowledged batches (should be none). */
  rejectedEvents: number;
  failedBatches: number[];
}

function post(agent: http.Agent, url: URL, auth: string, body: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { authorization: auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends of one batch before it counts as failed (a restart takes a few; a broken server would loop). */
const MAX_ATTEMPTS = 30;

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const url = new URL('/v1/batch', opts.baseUrl);
  const auth = `Basic ${Buffer.from(`${opts.writeKey}:`).toString('base64')}`;
  const acked = opts.acked ?? new Uint8Array(opts.batches);
  const latencies: number[] = [];
  const failedBatches: number[] = [];
  let next = 0;
  let ackedBatches = 0;
  let requests = 0;
  let non200 = 0;
  let connectionErrors = 0;
  let resent = 0;
  let rejectedEvents = 0;

  async function client(): Promise<void> {
    while (next < opts.batches) {
      const b = next++;
      const body = opts.body(b);
      for (let attempt = 0; ; attempt++) {
        if (attempt === 1) resent++;
        const t0 = performance.now();
        let status = 0;
        try {
          requests++;
          const res = await post(agent, url, auth, body);
          status = res.status;
          if (status === 200) {
            latencies.push(performance.now() - t0);
            acked[b] = 1;
            ackedBatches++;
            const rejected = (JSON.parse(res.text) as { rejected?: unknown[] }).rejected;
            if (rejected) rejectedEvents += rejected.length;
            opts.onAck?.(ackedBatches);
            break;
          }
          non200++;
        } catch {
          connectionErrors++;
        }
        // a 4xx will not get better by sending it again; a server that keeps failing is reported
        if (!opts.retry || (status >= 400 && status < 500) || attempt >= MAX_ATTEMPTS) {
          failedBatches.push(b);
          break;
        }
        await opts.retry.waitForServer();
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: opts.clients }, () => client()));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, requests, acked, ackedBatches, latencies, non200, connectionErrors, resent, rejectedEvents, failedBatches };
}
