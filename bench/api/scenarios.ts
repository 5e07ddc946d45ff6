// The requests the API benchmark sends, and the checks that they return the right rows: a deep cursor
// walk must never repeat a contact and must stay sorted; filters and search must only return matches.
// Walking the pages also yields the cursors the load then samples from, so deep pages are measured.

export interface Scenario {
  name: string;
  description: string;
  /** Request paths; the load picks among them at random. */
  paths: string[];
}

export interface WalkCheck {
  pages: number;
  rows: number;
  duplicates: number;
  sorted: boolean;
  /** Rows that do not satisfy the scenario's filter or search. */
  mismatches: number;
  ok: boolean;
}

interface ContactRow {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  customFields: Record<string, unknown>;
  createdAt: string;
}

export interface ApiTarget {
  baseUrl: string;
  apiKey: string;
}

export const contactsPath = (params: Record<string, string>) => `/api/v1/contacts?${new URLSearchParams(params).toString()}`;

export async function getJson<T>(target: ApiTarget, path: string): Promise<T> {
  const res = await fetch(target.baseUrl + path, { headers: { authorization: `Bearer ${target.apiKey}` } });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/** Newest first, ties broken by id descending: the order `sort=-createdAt` promises. */
function inCreatedDescOrder(a: ContactRow, b: ContactRow): boolean {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  return ta > tb || (ta === tb && a.id > b.id);
}

/** Follows nextCursor for up to `maxPages` pages; returns every page's path and the checks. */
export async function walkPages(
  target: ApiTarget,
  params: Record<string, string>,
  maxPages: number,
  matches: (row: ContactRow) => boolean,
): Promise<{ paths: string[]; check: WalkCheck }> {
  const paths: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let mismatches = 0;
  let sorted = true;
  let previous: ContactRow | undefined;
  let cursor: string | null = null;
  do {
    const path = contactsPath(cursor ? { ...params, cursor } : params);
    paths.push(path);
    const page: { data: ContactRow[]; nextCursor: string | null } = await getJson(target, path);
    for (const row of page.data) {
      if (seen.has(row.id)) duplicates++;
      seen.add(row.id);
      if (!matches(row)) mismatches++;
      if (previous && !inCreatedDescOrder(previous, row)) sorted = false;
      previous = row;
    }
    cursor = page.nextCursor;
  } while (cursor && paths.length < maxPages);
  const check = {
    pages: paths.length,
    rows: seen.size + duplicates,
    duplicates,
    sorted,
    mismatches,
    ok: duplicates === 0 && sorted && mismatches === 0,
  };
  return { paths, check };
}

/** A cursor positioned after the given row, as the API would have returned on reaching it. */
export function cursorAfter(createdAtText: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: '-createdAt', v: createdAtText, id })).toString('base64url');
}

export interface ScenarioOptions {
  /** Pages the sorted list walks through (the "deep pages"). */
  listPages: number;
  /** Pages walked for each filter and search. */
  otherPages: number;
  /** Cursors at fixed depths in the whole table (from the database), sampled by the list load too. */
  deepCursors: string[];
  searchTerms: { common: string; rare: string };
}

const searchable = (row: ContactRow) => `${row.firstName ?? ''} ${row.lastName ?? ''} ${row.email ?? ''}`.toLowerCase();

export async function buildScenarios(
  target: ApiTarget,
  opts: ScenarioOptions,
): Promise<{ scenarios: Scenario[]; checks: Record<string, WalkCheck> }> {
  const limit = '50';
  const list = await walkPages(target, { sort: '-createdAt', limit }, opts.listPages, () => true);
  // the depth cursors must also be accepted and continue in order
  const deepPaths = opts.deepCursors.map((cursor) => contactsPath({ sort: '-createdAt', limit, cursor }));
  for (const cursor of opts.deepCursors.slice(0, 3)) {
    const deep = await walkPages(target, { sort: '-createdAt', limit, cursor }, 3, () => true);
    if (!deep.check.ok) list.check.ok = false;
  }

  const plan = await walkPages(
    target,
    { 'filter[customFields.plan]': 'enterprise', limit },
    opts.otherPages,
    (r) => r.customFields.plan === 'enterprise',
  );
  const seats = await walkPages(
    target,
    { 'filter[customFields.seats][gte]': '100', 'filter[customFields.seats][lt]': '200', limit },
    opts.otherPages,
    (r) => {
      const n = r.customFields.seats;
      return typeof n === 'number' && n >= 100 && n < 200;
    },
  );
  const { common, rare } = opts.searchTerms;
  const searchCommon = await walkPages(target, { q: common, limit }, opts.otherPages, (r) => searchable(r).includes(common));
  const searchRare = await walkPages(target, { q: rare, limit }, opts.otherPages, (r) => searchable(r).includes(rare));

  const scenarios: Scenario[] = [
    { name: 'healthz', description: 'GET /healthz: the HTTP stack alone, no auth, no database', paths: ['/healthz'] },
    {
      name: 'list',
      description: `sort=-createdAt, limit 50: page 1 to ${list.paths.length} via cursors, and cursors at 10%…99% of the table`,
      paths: [...list.paths, ...deepPaths],
    },
    { name: 'filterSelect', description: 'filter[customFields.plan]=enterprise (select field), pages via cursor', paths: plan.paths },
    { name: 'filterRange', description: 'customFields.seats ≥ 100 and < 200 (number field range), pages via cursor', paths: seats.paths },
    { name: 'searchCommon', description: `q=${common} (common surname fragment), pages via cursor`, paths: searchCommon.paths },
    { name: 'searchRare', description: `q=${rare} (rare surname), every page`, paths: searchRare.paths },
  ];
  return {
    scenarios,
    checks: {
      list: list.check,
      filterSelect: plan.check,
      filterRange: seats.check,
      searchCommon: searchCommon.check,
      searchRare: searchRare.check,
    },
  };
}
