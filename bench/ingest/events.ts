// The events the ingest benchmark sends: what a B2B website's snippet and a backend's Segment library
// produce (page views with UTMs and referrers, track calls, a few identify and group calls), in the
// Segment HTTP API's shape. Event i of a run is a pure function of (run, i), so any batch can be built
// again for a retry, and the COPY baseline writes exactly the same events as rows of the events table.
export const EVENT_COLUMNS = [
  'workspace_id',
  'id',
  'occurred_at',
  'received_at',
  'type',
  'event',
  'message_id',
  'source_id',
  'anonymous_id',
  'user_id',
  'contact_id',
  'visit_id',
  'group_id',
  'previous_id',
  'properties',
  'traits',
  'context',
] as const;

/** A 32-bit mix of two integers (splitmix-style): cheap, stateless, well spread. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/** A UUID-shaped id from (run, kind, n): as long as the ids real clients send. */
function idOf(run: number, kind: number, n: number): string {
  return `${hex(mix(run, kind), 8)}-${hex(kind, 4)}-4${hex(run, 3)}-8${hex(Math.floor(n / 2 ** 32), 3)}-${hex(n, 12)}`;
}

export const messageIdOf = (run: number, i: number) => idOf(run, 1, i);

const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['/', 'Northwind Analytics'],
  ['/pricing', 'Pricing'],
  ['/product/dashboards', 'Live dashboards'],
  ['/customers', 'Customers'],
  ['/demo', 'Talk to sales'],
  ['/blog/self-serve-bi-guide', 'The practical guide to self-serve BI'],
  ['/blog/metrics-layer-explained', 'What a metrics layer is'],
  ['/blog/snowflake-cost-control', 'Five ways to keep Snowflake costs in check'],
  ['/docs/getting-started', 'Getting started'],
  ['/resources/state-of-analytics-2026', 'State of Analytics 2026'],
];
const REFERRERS = ['', '', '', 'https://www.google.com/', 'https://www.google.com/', 'https://www.linkedin.com/', 'https://www.g2.com/products/northwind/reviews', 'https://news.ycombinator.com/'];
const CAMPAIGNS = [
  { source: 'google', medium: 'cpc', name: 'brand-search', click: 'gclid' },
  { source: 'linkedin', medium: 'paid_social', name: 'state-of-analytics-2026', click: 'li_fat_id' },
  { source: 'newsletter', medium: 'email', name: 'monthly-newsletter', click: '' },
  { source: 'linkedin', medium: 'retargeting', name: 'pricing-page-retargeting', click: 'li_fat_id' },
];
const TRACKS = ['Button Clicked', 'Pricing Viewed', 'Signup Started', 'Video Played', 'Docs Searched'];
const AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

export interface BenchEvent {
  type: 'page' | 'track' | 'identify' | 'group';
  messageId: string;
  anonymousId: string;
  timestamp: string;
  event?: string;
  groupId?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: Record<string, unknown>;
}

/**
 * Event `i` of run `run`, happening at `at` (ms). Visitors send about fifteen events each, spread over
 * the run; 82% page views (a fifth with UTMs), 14% track, 3% identify, 1% group.
 */
export function benchEvent(run: number, i: number, at: number, visitors: number): BenchEvent {
  const r = mix(run, i);
  const visitor = mix(r, 7) % visitors;
  const anonymousId = idOf(run, 2, visitor);
  const [path, title] = PAGES[r % PAGES.length];
  const url = `https://northwind.example${path}`;
  const base = { messageId: messageIdOf(run, i), anonymousId, timestamp: new Date(at).toISOString() };
  const kind = (r >>> 8) % 100;
  const library = { name: 'tandem.js', version: '1.0.0' };
  if (kind < 82) {
    const campaign = (r >>> 16) % 5 === 0 ? CAMPAIGNS[(r >>> 20) % CAMPAIGNS.length] : null;
    const query = campaign
      ? `?utm_source=${campaign.source}&utm_medium=${campaign.medium}&utm_campaign=${campaign.name}${campaign.click ? `&${campaign.click}=${hex(mix(r, 3), 8)}${hex(mix(r, 4), 8)}` : ''}`
      : '';
    const referrer = REFERRERS[(r >>> 12) % REFERRERS.length];
    const page = { url: url + query, path, referrer, title, search: query };
    return {
      ...base,
      type: 'page',
      properties: page,
      context: {
        page,
        ...(campaign ? { campaign: { source: campaign.source, medium: campaign.medium, name: campaign.name } } : {}),
        userAgent: AGENT,
        locale: 'en-US',
        library,
      },
    };
  }
  const context = { page: { url, path, title }, userAgent: AGENT, locale: 'en-US', library };
  if (kind < 96) return { ...base, type: 'track', event: TRACKS[r % TRACKS.length], properties: { label: title, position: r % 7 }, context };
  const company = visitor % 2000;
  if (kind < 99) {
    return { ...base, type: 'identify', traits: { email: `visitor${visitor}@company${company}.example`, firstName: `Visitor${visitor}` }, context };
  }
  return { ...base, type: 'group', groupId: `acct-${company}`, traits: { name: `Company ${company}`, domain: `company${company}.example` }, context };
}

export const visitorsFor = (events: number) => Math.max(50, Math.round(events / 15));

/** The request body of batch `b`: events b*size … b*size+size-1 of the run. */
export function batchBody(run: number, b: number, size: number, total: number, visitors: number, now = Date.now()): string {
  const parts: string[] = [];
  const end = Math.min(total, (b + 1) * size);
  for (let i = b * size; i < end; i++) parts.push(JSON.stringify(benchEvent(run, i, now - (end - i) * 7, visitors)));
  return `{"batch":[${parts.join(',')}],"sentAt":"${new Date(now).toISOString()}"}`;
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null
const copyText = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));

/** Event `i` as a row of the events table's columns, in COPY's text format (what ingestion would store). */
export function copyRow(run: number, i: number, at: number, visitors: number, ids: { workspaceId: string; sourceId: string }): string {
  const e = benchEvent(run, i, at, visitors);
  const ts = e.timestamp;
  const values = [
    ids.workspaceId,
    idOf(run, 3, i),
    ts,
    ts,
    e.type,
    e.type === 'track' ? (e.event ?? null) : null,
    e.messageId,
    ids.sourceId,
    e.anonymousId,
    null,
    null,
    null,
    e.groupId ?? null,
    null,
    JSON.stringify(e.properties ?? {}),
    JSON.stringify(e.traits ?? {}),
    JSON.stringify(e.context),
  ];
  return values.map(copyText).join('\t') + '\n';
}
