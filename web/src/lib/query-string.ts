// Query strings in the API's "deepObject" style, two levels deep: `{ filter: { tags: { eq: 'vip' } } }`
// ⇄ `filter[tags][eq]=vip`. Used by the API client and by the router, so a list view's URL carries
// exactly the parameters its API request does (shareable, reloadable).

export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };
export type ParsedQuery = { [key: string]: string | string[] | ParsedQuery };

const enc = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',');

function pushPairs(pairs: string[], key: string, value: QueryValue): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    for (const v of value) pushPairs(pairs, key, v);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pushPairs(pairs, `${key}[${k}]`, v);
    return;
  }
  pairs.push(`${enc(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']')}=${enc(String(value))}`);
}

/** Serializes without a leading `?`; skips undefined, null and empty strings. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) pushPairs(pairs, key, value);
  return pairs.join('&');
}

/** Parses `a=1&filter[x][op]=y` (with or without `?`); repeated keys become arrays. */
export function parseQueryString(raw: string): ParsedQuery {
  const out: ParsedQuery = {};
  const text = raw.startsWith('?') ? raw.slice(1) : raw;
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    const path = match ? [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])] : [key];
    let node = out;
    for (let i = 0; i < path.length - 1; i++) {
      const existing = node[path[i]];
      if (typeof existing !== 'object' || Array.isArray(existing)) node[path[i]] = {};
      node = node[path[i]] as ParsedQuery;
    }
    const last = path[path.length - 1];
    const existing = node[last];
    if (existing === undefined || (typeof existing === 'object' && !Array.isArray(existing))) node[last] = value;
    else node[last] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
