// The contacts list as the web app and API clients page through it: every sort walks each contact
// exactly once across cursor pages (ties and missing values included), every filter operator selects
// what it says, `q` searches, and bad parameters are 400s naming the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type ApiResponse, type TestServer } from '../test/harness.ts';

let server: TestServer;
let api: ApiClient;

interface Person {
  id: string;
  email: string | null;
  firstName: string;
  lastName: string | null;
  lifecycleStage: string | null;
  tags: string[];
  createdAt: number;
  custom: { score?: number; plan?: string; since?: string; active?: boolean; motto?: string; channels?: string[] };
}
const people: Person[] = [];

const LAST_NAMES = ['adams', 'baker', 'clark', 'davis', 'evans'];
const FIRST_NAMES = ['ann', 'bob', 'cyd', 'dee', 'eli', 'fay'];
const STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other', null];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Record i of the data set: values chosen so that every sort has ties and missing values. */
function record(i: number) {
  const custom: Person['custom'] = {};
  if (i % 6 !== 0) custom.score = ((i * 37) % 11) - 3 + (i % 4 === 1 ? 0.5 : 0);
  if (i % 4 !== 0) custom.plan = ['basic', 'plus', 'pro'][i % 3];
  if (i % 5 !== 0) custom.since = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  if (i % 3 !== 0) custom.active = i % 2 === 0;
  if (i % 8 !== 0) custom.motto = `motto ${i % 10} ${i % 2 ? 'Odd' : 'even'}`;
  if (i % 5 === 1) custom.channels = ['email', 'phone'];
  if (i % 5 === 2) custom.channels = ['phone'];
  if (i % 5 === 3) custom.channels = ['email'];
  return {
    email: `p${String(i).padStart(3, '0')}@list.test`,
    firstName: FIRST_NAMES[i % 6],
    lastName: i % 7 === 0 ? null : LAST_NAMES[i % 5],
    lifecycleStage: STAGES[i % 9],
    tags: [[], ['vip'], ['vip', 'event']][i % 3],
    customFields: custom,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const ws = await createTestWorkspace(server);
  api = ws.api;
  const fields = [
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['basic', 'plus', 'pro'].map((v) => ({ value: v, label: v.toUpperCase() })) },
    { key: 'since', label: 'Customer since', type: 'date' },
    { key: 'active', label: 'Active', type: 'boolean' },
    { key: 'motto', label: 'Motto', type: 'text' },
    { key: 'channels', label: 'Channels', type: 'multi_select', options: ['email', 'phone'].map((v) => ({ value: v, label: v })) },
  ];
  for (const f of fields) expect((await api.post('/api/v1/custom-fields', { objectType: 'contact', ...f })).status).toBe(201);

  // three batches (each shares one createdAt, so createdAt has ties) and a few contacts without email
  for (let batch = 0; batch < 3; batch++) {
    const records = Array.from({ length: 40 }, (_, k) => record(batch * 40 + k));
    const res = await api.post('/api/v1/contacts/batch/upsert', { records });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(40);
    const ids = new Map<string, string>(res.body.data.map((d: { email: string; id: string }) => [d.email, d.id]));
    const createdAt = new Date((await api.get(`/api/v1/contacts/${ids.get(records[0].email)}`)).body.createdAt).getTime();
    for (const r of records) {
      people.push({
        id: ids.get(r.email)!,
        email: r.email,
        firstName: r.firstName,
        lastName: r.lastName,
        lifecycleStage: r.lifecycleStage,
        tags: r.tags,
        createdAt,
        custom: r.customFields,
      });
    }
    await sleep(5);
  }
  for (const [firstName, lastName] of [
    ['nomail', null],
    ['nomail', 'zed'],
    ['nomail', 'adams'],
  ] as const) {
    const res = await api.post('/api/v1/contacts', { firstName, lastName });
    expect(res.status).toBe(201);
    people.push({
      id: res.body.id,
      email: null,
      firstName,
      lastName,
      lifecycleStage: null,
      tags: [],
      createdAt: new Date(res.body.createdAt).getTime(),
      custom: {},
    });
    await sleep(5);
  }
});
afterAll(async () => server?.close());

type Value = string | number | boolean | null | undefined;

/** The order the API promises: by value (missing last ascending, first descending), then by id. */
function sorted(rows: Person[], value: (p: Person) => Value, descending: boolean): string[] {
  const cmp = (a: Person, b: Person) => {
    const va = value(a) ?? null;
    const vb = value(b) ?? null;
    let c = 0;
    if (va === null && vb !== null) c = 1;
    else if (va !== null && vb === null) c = -1;
    else if (va !== null && vb !== null) c = va < vb ? -1 : va > vb ? 1 : 0;
    if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return descending ? -c : c;
  };
  return [...rows].sort(cmp).map((p) => p.id);
}

async function walk(query: string, limit = 7): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: ApiResponse = await api.get(
      `/api/v1/contacts?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.data.map((c: { id: string }) => c.id));
    cursor = res.body.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { ids, pages };
}

async function matching(query: string): Promise<string[]> {
  const res: ApiResponse = await api.get(`/api/v1/contacts?limit=500&${query}`);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.data.map((c: { id: string }) => c.id).sort();
}
const ids = (pred: (p: Person) => boolean) =>
  people
    .filter(pred)
    .map((p) => p.id)
    .sort();

describe('cursor pagination', () => {
  const sorts: Array<[string, (p: Person) => Value]> = [
    ['-createdAt', (p) => p.createdAt],
    ['createdAt', (p) => p.createdAt],
    ['lastName', (p) => p.lastName],
    ['-lastName', (p) => p.lastName],
    ['email', (p) => p.email],
    ['-firstName', (p) => p.firstName],
    ['lifecycleStage', (p) => p.lifecycleStage],
    ['customFields.score', (p) => p.custom.score],
    ['-customFields.score', (p) => p.custom.score],
    ['customFields.plan', (p) => p.custom.plan],
    ['-customFields.since', (p) => p.custom.since],
    ['customFields.active', (p) => p.custom.active],
  ];
  for (const [sort, value] of sorts) {
    it(`walks every contact exactly once sorted by ${sort}`, async () => {
      const { ids: walked, pages } = await walk(`sort=${sort}`);
      expect(walked.length).toBe(people.length);
      expect(new Set(walked).size).toBe(people.length);
      expect(walked).toEqual(sorted(people, value, sort.startsWith('-')));
      expect(pages).toBe(Math.ceil(people.length / 7));
    });
  }

  it('sorts newest first by default, and pages a filtered list', async () => {
    expect((await walk('')).ids).toEqual(sorted(people, (p) => p.createdAt, true));
    const { ids: walked } = await walk('filter[customFields.plan]=pro&sort=-customFields.score', 4);
    expect(walked).toEqual(
      sorted(
        people.filter((p) => p.custom.plan === 'pro'),
        (p) => p.custom.score,
        true,
      ),
    );
  });

  it('ends with a null cursor on the last page, also when the last page is full', async () => {
    const res: ApiResponse = await api.get(`/api/v1/contacts?limit=${people.length}`);
    expect(res.body.data.length).toBe(people.length);
    expect(res.body.nextCursor).toBeNull();
    const short = await api.get(`/api/v1/contacts?limit=${people.length - 1}`);
    expect(short.body.nextCursor).toEqual(expect.any(String));
  });

  it('counts every match with includeTotal, not just the page', async () => {
    const res = await api.get('/api/v1/contacts?limit=5&includeTotal=true&filter[tags]=vip');
    expect(res.body.data.length).toBe(5);
    expect(res.body.totalCount).toBe(ids((p) => p.tags.includes('vip')).length);
    expect((await api.get('/api/v1/contacts?limit=5')).body.totalCount).toBeUndefined();
  });
});

describe('filters', () => {
  const cases: Array<[string, (p: Person) => boolean]> = [
    ['filter[lastName]=baker', (p) => p.lastName === 'baker'],
    ['filter[lastName][eq]=baker', (p) => p.lastName === 'baker'],
    ['filter[lastName][neq]=baker', (p) => p.lastName !== 'baker'],
    ['filter[lastName][in]=adams,clark', (p) => ['adams', 'clark'].includes(p.lastName!)],
    ['filter[lastName][nin]=adams, clark', (p) => !['adams', 'clark'].includes(p.lastName!)],
    ['filter[lastName][exists]=false', (p) => p.lastName === null],
    ['filter[lastName][exists]=true', (p) => p.lastName !== null],
    ['filter[lastName][contains]=AK', (p) => !!p.lastName?.includes('ak')],
    ['filter[lastName][gte]=d', (p) => p.lastName !== null && p.lastName >= 'd'],
    ['filter[email]=P005@List.Test', (p) => p.email === 'p005@list.test'],
    ['filter[email][exists]=false', (p) => p.email === null],
    ['filter[lifecycleStage]=lead', (p) => p.lifecycleStage === 'lead'],
    ['filter[lifecycleStage][in]=lead,mql', (p) => ['lead', 'mql'].includes(p.lifecycleStage!)],
    ['filter[lifecycleStage][exists]=false', (p) => p.lifecycleStage === null],
    ['filter[tags]=vip', (p) => p.tags.includes('vip')],
    ['filter[tags][in]=event,nothing', (p) => p.tags.includes('event')],
    ['filter[tags][nin]=event', (p) => !p.tags.includes('event')],
    ['filter[tags][neq]=vip', (p) => !p.tags.includes('vip')],
    ['filter[tags][exists]=false', (p) => p.tags.length === 0],
    ['filter[accountId][exists]=false', () => true],
    ['filter[customFields.score]=5', (p) => p.custom.score === 5],
    ['filter[customFields.score][neq]=5', (p) => p.custom.score !== 5],
    ['filter[customFields.score][gt]=4', (p) => p.custom.score !== undefined && p.custom.score > 4],
    ['filter[customFields.score][gte]=4', (p) => p.custom.score !== undefined && p.custom.score >= 4],
    ['filter[customFields.score][lt]=-1.5', (p) => p.custom.score !== undefined && p.custom.score < -1.5],
    ['filter[customFields.score][lte]=0', (p) => p.custom.score !== undefined && p.custom.score <= 0],
    ['filter[customFields.score][in]=1,2.5,7', (p) => [1, 2.5, 7].includes(p.custom.score!)],
    ['filter[customFields.score][nin]=1,2.5,7', (p) => ![1, 2.5, 7].includes(p.custom.score!)],
    ['filter[customFields.score][exists]=false', (p) => p.custom.score === undefined],
    [
      'filter[customFields.score][gte]=0&filter[customFields.score][lt]=3',
      (p) => p.custom.score !== undefined && p.custom.score >= 0 && p.custom.score < 3,
    ],
    ['filter[customFields.since]=2024-03-03', (p) => p.custom.since === '2024-03-03'],
    ['filter[customFields.since][gt]=2024-06-30', (p) => !!p.custom.since && p.custom.since > '2024-06-30'],
    ['filter[customFields.since][lte]=2024-02-28', (p) => !!p.custom.since && p.custom.since <= '2024-02-28'],
    ['filter[customFields.since][exists]=true', (p) => !!p.custom.since],
    ['filter[customFields.active]=true', (p) => p.custom.active === true],
    ['filter[customFields.active]=false', (p) => p.custom.active === false],
    ['filter[customFields.active][neq]=true', (p) => p.custom.active !== true],
    ['filter[customFields.active][exists]=false', (p) => p.custom.active === undefined],
    ['filter[customFields.plan]=pro', (p) => p.custom.plan === 'pro'],
    ['filter[customFields.plan][in]=basic,plus', (p) => ['basic', 'plus'].includes(p.custom.plan!)],
    ['filter[customFields.plan][nin]=basic,plus', (p) => !['basic', 'plus'].includes(p.custom.plan!)],
    ['filter[customFields.plan][neq]=pro', (p) => p.custom.plan !== 'pro'],
    ['filter[customFields.plan][exists]=false', (p) => p.custom.plan === undefined],
    ['filter[customFields.channels]=email', (p) => !!p.custom.channels?.includes('email')],
    ['filter[customFields.channels][in]=email,phone', (p) => !!p.custom.channels?.length],
    ['filter[customFields.channels][nin]=email', (p) => !p.custom.channels?.includes('email')],
    ['filter[customFields.channels][neq]=phone', (p) => !p.custom.channels?.includes('phone')],
    ['filter[customFields.channels][exists]=true', (p) => !!p.custom.channels],
    ['filter[customFields.motto]=motto 3 Odd', (p) => p.custom.motto === 'motto 3 Odd'],
    ['filter[customFields.motto][contains]=odd', (p) => !!p.custom.motto?.includes('Odd')],
    ['filter[customFields.motto][in]=motto 2 even,motto 4 even', (p) => ['motto 2 even', 'motto 4 even'].includes(p.custom.motto!)],
    ['filter[customFields.motto][neq]=motto 3 Odd', (p) => p.custom.motto !== 'motto 3 Odd'],
    ['filter[customFields.motto][exists]=false', (p) => p.custom.motto === undefined],
    [
      'filter[customFields.plan]=pro&filter[tags]=event&filter[lastName][exists]=true',
      (p) => p.custom.plan === 'pro' && p.tags.includes('event') && p.lastName !== null,
    ],
  ];
  for (const [query, pred] of cases) {
    it(`selects ${query}`, async () => {
      const expected = ids(pred);
      expect(expected.length).toBeGreaterThan(0);
      expect(await matching(query.replace(/ /g, '%20'))).toEqual(expected);
    });
  }

  it('filters on createdAt with timestamps and dates', async () => {
    const second = [...new Set(people.map((p) => p.createdAt))].sort()[1];
    const iso = new Date(second).toISOString();
    expect(await matching(`filter[createdAt][gte]=${iso}`)).toEqual(ids((p) => p.createdAt >= second));
    expect(await matching(`filter[createdAt][lt]=${iso}`)).toEqual(ids((p) => p.createdAt < second));
    expect(await matching('filter[createdAt][gt]=2000-01-01')).toEqual(ids(() => true));
    expect(await matching('filter[createdAt][lt]=2000-01-01')).toEqual([]);
  });
});

describe('search', () => {
  it('matches words in names and emails, every word required, case-insensitive', async () => {
    expect(await matching('q=BAKER')).toEqual(ids((p) => p.lastName === 'baker'));
    expect(await matching('q=ann%20adams')).toEqual(ids((p) => p.firstName === 'ann' && p.lastName === 'adams'));
    expect(await matching('q=adams%20ann')).toEqual(ids((p) => p.firstName === 'ann' && p.lastName === 'adams'));
    expect(await matching('q=p007@list')).toEqual(ids((p) => p.email === 'p007@list.test'));
    expect(await matching('q=nomail%20zed')).toEqual(ids((p) => p.firstName === 'nomail' && p.lastName === 'zed'));
    expect(await matching('q=zzz')).toEqual([]);
  });

  it('treats % and _ as plain characters', async () => {
    expect(await matching('q=%25')).toEqual([]);
    expect(await matching('q=_')).toEqual([]);
  });

  it('combines search with filters and sort', async () => {
    const { ids: walked } = await walk('q=ann&filter[customFields.active]=true&sort=email', 3);
    expect(walked).toEqual(
      sorted(
        people.filter((p) => p.firstName === 'ann' && p.custom.active === true),
        (p) => p.email,
        false,
      ),
    );
  });
});

describe('bad list parameters', () => {
  const bad: Array<[string, string]> = [
    ['sort=favourite', 'sort'],
    ['sort=phone', 'sort'],
    ['sort=customFields.nope', 'sort'],
    ['filter[nope]=1', 'filter[nope]'],
    ['filter[customFields.nope]=1', 'filter[customFields.nope]'],
    ['filter[lastName][like]=x', 'filter[lastName][like]'],
    ['filter[customFields.score][gt]=abc', 'filter[customFields.score][gt]'],
    ['filter[customFields.score]=', 'filter[customFields.score]'],
    ['filter[customFields.since][gt]=yesterday', 'filter[customFields.since][gt]'],
    ['filter[createdAt][gt]=2024-13-45', 'filter[createdAt][gt]'],
    ['filter[customFields.active]=maybe', 'filter[customFields.active]'],
    ['filter[customFields.plan]=gold', 'filter[customFields.plan]'],
    ['filter[customFields.plan][contains]=p', 'filter[customFields.plan][contains]'],
    ['filter[customFields.channels][gt]=email', 'filter[customFields.channels][gt]'],
    ['filter[tags][gt]=a', 'filter[tags][gt]'],
    ['filter[lifecycleStage]=hot', 'filter[lifecycleStage]'],
    ['filter[lifecycleStage][gt]=lead', 'filter[lifecycleStage][gt]'],
    ['filter[accountId]=acme', 'filter[accountId]'],
    ['filter[lastName][exists]=maybe', 'filter[lastName][exists]'],
    ['cursor=not-a-cursor', 'cursor'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['includeTotal=yes', 'includeTotal'],
  ];
  for (const [query, path] of bad) {
    it(`refuses ${query} naming ${path}`, async () => {
      const res: ApiResponse = await api.get(`/api/v1/contacts?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors?.map((e: { path: string }) => e.path)).toContain(path);
    });
  }

  it('lists every problem of a query at once', async () => {
    const res = await api.get('/api/v1/contacts?sort=nope&filter[nope]=1&filter[customFields.score][gt]=x');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['filter[customFields.score][gt]', 'filter[nope]', 'sort']);
  });

  it('refuses a cursor made for another sort, or one that was tampered with', async () => {
    const first = await api.get('/api/v1/contacts?limit=5&sort=lastName');
    const reused = await api.get(`/api/v1/contacts?limit=5&sort=email&cursor=${first.body.nextCursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('invalid_cursor');
    expect(reused.body.errors.map((e: { path: string }) => e.path)).toEqual(['cursor']);
    const byDate = await api.get('/api/v1/contacts?limit=5');
    const decoded = JSON.parse(Buffer.from(byDate.body.nextCursor, 'base64url').toString());
    for (const v of ['yesterday', { evil: true }, 12]) {
      const forged = Buffer.from(JSON.stringify({ ...decoded, v })).toString('base64url');
      const res: ApiResponse = await api.get(`/api/v1/contacts?limit=5&cursor=${forged}`);
      expect(res.status, JSON.stringify(v)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['cursor']);
    }
    const scoreCursor = (await api.get('/api/v1/contacts?limit=5&sort=customFields.score')).body.nextCursor;
    const wrongType = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(scoreCursor, 'base64url').toString()), v: 'x' })).toString(
      'base64url',
    );
    expect((await api.get(`/api/v1/contacts?limit=5&sort=customFields.score&cursor=${wrongType}`)).status).toBe(400);
    const lastNameCursor = (await api.get('/api/v1/contacts?limit=5&sort=-lastName')).body.nextCursor;
    const numberForText = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(lastNameCursor, 'base64url').toString()), v: 5 }),
    ).toString('base64url');
    expect((await api.get(`/api/v1/contacts?limit=5&sort=-lastName&cursor=${numberForText}`)).status).toBe(400);
  });

  it('accepts the largest page size', async () => {
    const res = await api.get('/api/v1/contacts?limit=500');
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBe(people.length);
  });
});
