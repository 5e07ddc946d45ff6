// Parses `filter[lifecycleStage][in]=lead,mql&sort=-createdAt` into nested objects (OpenAPI
// "deepObject" style). Node's querystring leaves brackets in keys; this nests them, two levels deep at
// most, which is all the list API uses. Repeated keys become arrays.
import { parse } from 'node:querystring';

type QueryValue = string | string[] | { [key: string]: QueryValue };

export function parseQueryString(raw: string): Record<string, QueryValue> {
  const flat = parse(raw);
  const out: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const match = /^([^[\]]+)((?:\[[^[\]]*\]){1,2})$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const parts = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
    let node = out as Record<string, QueryValue>;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      const existing = node[part];
      if (typeof existing !== 'object' || Array.isArray(existing)) node[part] = {};
      node = node[part] as Record<string, QueryValue>;
    }
    node[parts[parts.length - 1]] = value;
  }
  return out;
}
