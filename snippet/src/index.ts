// tandem.js entry: reads its settings from its own <script> tag, replaces the queue stub (calls made
// before the script loaded are replayed in order), sends the page view and flushes on page exit.
//
//   <script src="https://tandem.example/snippet.js" data-write-key="WK" async></script>
//
// Options: data-cookieless, data-consent="pending", data-api-host (default: where this script came from).
import { createDelivery } from './delivery.ts';
import { createTracker, type Tandem } from './tracker.ts';

declare const __TANDEM_VERSION__: string;

type Stub = unknown[][];
const w = window as unknown as { tandem?: Tandem | Stub };

function thisScript(): HTMLScriptElement | null {
  // currentScript is null only in odd cases (e.g. when run from a callback): then find our tag
  return (document.currentScript as HTMLScriptElement | null) || document.querySelector('script[data-write-key][src*="snippet.js"]');
}

function start(): void {
  const existing = w.tandem;
  if (existing && !Array.isArray(existing)) return; // loaded twice: the first copy keeps running
  const script = thisScript();
  const writeKey = script && script.getAttribute('data-write-key');
  if (!script || !writeKey) {
    console.warn('tandem.js: no data-write-key on the <script> tag; nothing will be sent');
    return;
  }
  const host = script.getAttribute('data-api-host');
  // relative to the script's own URL, so Tandem served under a path prefix works too
  const endpoint = host ? `${host.replace(/\/+$/, '')}/v1/batch` : new URL('v1/batch', script.src).href;
  const delivery = createDelivery(endpoint, writeKey);
  const tandem = createTracker(
    delivery,
    { cookieless: script.hasAttribute('data-cookieless'), consentPending: script.getAttribute('data-consent') == 'pending' },
    __TANDEM_VERSION__,
  );
  w.tandem = tandem;

  // consent, identify and reset calls made before load shape the automatic page view (whether it is
  // sent, whose it is); track and page calls follow it
  const queued = (existing || []).filter((call) => Array.isArray(call) && typeof tandem[call[0] as keyof Tandem] == 'function');
  const setsState = (call: unknown[]) => call[0] == 'consent' || call[0] == 'identify' || call[0] == 'reset';
  const run = (call: unknown[]) => (tandem[call[0] as 'track'] as (...args: unknown[]) => void)(...call.slice(1));
  queued.filter(setsState).forEach(run);
  tandem.page();
  queued.filter((call) => !setsState(call)).forEach(run);

  addEventListener('pagehide', delivery.beacon);
  document.addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && delivery.beacon());
}

try {
  start();
} catch (error) {
  // a tracking script must never break the page it is on
  console.warn('tandem.js:', error);
}
