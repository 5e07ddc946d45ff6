// Gets events to Tandem's POST /v1/batch. Events wait in a queue mirrored to storage, so a failed send
// survives a reload; they leave in batches (after ~1 s, or at once when 20 wait) as text/plain POSTs,
// a CORS "simple request" for which the browser sends no preflight; failures are retried with growing
// delays. When the page is hidden or unloaded, whatever waits leaves with sendBeacon, which the browser
// finishes after the page is gone. sendBeacon returning true only means the browser took the request,
// so beaconed events stay queued until a fetch is acknowledged: the next page sends them again.
// Tandem deduplicates by messageId, so an event sent twice (that, two tabs, a beacon racing a fetch)
// is harmless; a lost one is not.
import type { Dict } from './context.ts';
import { local, readJson, session, type Store } from './storage.ts';

const QUEUE_KEY = 'tandem_queue';
const BATCH_DELAY = 1000;
const BATCH_SIZE = 20;
/** The oldest events are dropped past this: storage is small and belongs to the site. */
const MAX_QUEUED = 200;
/** Browsers refuse beacons over 64 KB. */
const BEACON_BYTES = 60000;

export interface Delivery {
  add(event: Dict): void;
  /** Mirror the queue to `store` and start sending; null keeps it in memory, unsent (consent pending). */
  useStore(store: Store | null): void;
  /** Forget every waiting event, in memory and in storage (consent refused). */
  clear(): void;
  /** Hand everything waiting to sendBeacon (the page is going away). */
  beacon(): void;
}

export function createDelivery(endpoint: string, writeKey: string): Delivery {
  let queue: Dict[] = [];
  let store: Store | null = null;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;
  let failures = 0;
  /** Handed to sendBeacon by this page already (hidden, then unloaded, would send them twice). */
  const beaconed = new Set<Dict>();

  const body = (batch: Dict[]) => JSON.stringify({ batch, writeKey, sentAt: new Date().toISOString() });
  const save = () => store && (queue.length ? store.set(QUEUE_KEY, JSON.stringify(queue)) : store.remove(QUEUE_KEY));
  const remove = (sent: Dict[]) => {
    queue = queue.filter((event) => sent.indexOf(event) < 0);
    save();
  };

  function schedule(): void {
    if (!store || sending || timer || !queue.length) return;
    const delay = failures
      ? Math.min(30000, 1000 * 2 ** failures) * (0.5 + Math.random() / 2)
      : queue.length >= BATCH_SIZE
        ? 0
        : BATCH_DELAY;
    timer = setTimeout(send, delay);
  }

  function send(): void {
    timer = undefined;
    if (!store || !queue.length) return;
    sending = true;
    const batch = queue.slice(0, BATCH_SIZE);
    fetch(endpoint, { method: 'POST', body: body(batch), headers: { 'Content-Type': 'text/plain' }, credentials: 'omit' })
      .then((res) => {
        // other 4xx: Tandem refused these events (invalid, unknown write key); sending again cannot help
        if (res.status >= 500 || res.status == 429) throw res.status;
      })
      .then(
        () => {
          failures = 0;
          remove(batch);
        },
        () => failures++,
      )
      .then(() => {
        sending = false;
        schedule();
      });
  }

  return {
    add(event) {
      queue.push(event);
      if (queue.length > MAX_QUEUED) queue.shift();
      save();
      if (queue.length >= BATCH_SIZE && !failures) {
        clearTimeout(timer);
        timer = undefined;
      }
      schedule();
    },
    useStore(next) {
      store = next;
      if (store && !loaded) {
        loaded = true;
        const saved = readJson<unknown>(store, QUEUE_KEY, []);
        queue = (Array.isArray(saved) ? (saved as Dict[]) : []).concat(queue);
      }
      save();
      schedule();
    },
    clear() {
      queue = [];
      local.remove(QUEUE_KEY);
      session.remove(QUEUE_KEY);
    },
    beacon() {
      if (!store || !navigator.sendBeacon) return;
      let chunk: Dict[] = [];
      let bytes = 0;
      const ship = () => {
        try {
          if (chunk.length && navigator.sendBeacon(endpoint, body(chunk))) chunk.forEach((event) => beaconed.add(event));
        } catch {}
      };
      for (const event of queue.filter((e) => !beaconed.has(e))) {
        const size = JSON.stringify(event).length + 1;
        if (bytes + size > BEACON_BYTES) {
          ship();
          chunk = [];
          bytes = 0;
        }
        chunk.push(event);
        bytes += size;
      }
      ship();
    },
  };
}
