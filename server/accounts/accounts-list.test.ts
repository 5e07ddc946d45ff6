// The accounts list: cursor pages walk every account once for each sort (ties, missing values, custom
// fields), filters and `q` over name and domain select what they say, and the CSV export matches.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type ApiResponse, type TestServer } from '../test/harness.ts';

let server: TestServer;
let api: ApiClient;

interface Company {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  country: string | null;
  custom: { arr?: number; tier?: string; founded?: string; listed?: boolean; regions?: string[] };
}
const companies: Company[] = [];

function record(i: number) {
  const custom: Company['custom'] = {};
  if (i % 5 !== 0) custom.arr = ((i * 7919) % 23) * 1000;
  if (i % 3 !== 0) custom.tier = ['gold', 'silver'][i % 2];
  if (i % 4 !== 1) custom.founded = `${1990 + (i % 30)}-0${(i % 9) + 1}-15`;
  if (i % 6 !== 0) custom.listed = i % 4 < 2;
  if (i % 3 === 1) custom.regions = ['emea'];
  if (i % 3 === 2) custom.regions = ['amer', 'emea'];
  return {
    name: ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'][i % 6] + (i % 2 ? ' labs' : ''),
    domain: `acct-${String(i).padStart(3, '0')}.test`,
    industry: i % 4 === 0 ? null : ['software', 'retail', 'media'][i % 3],
    employeeCount: i % 7 === 0 ? null : (i % 10) * 50,
    annualRevenue: i % 8 === 0 ? null : ((i * 31) % 17) * 1000.25,
    country: i % 5 === 0 ? null : ['de', 'fr', 'us'][i % 3],
    customFields: custom,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  api = (await createTestWorkspace(server)).api;
  const fields = [
    { key: 'arr', label: 'ARR', type: 'number' },
    {
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'Silver' },
      ],
    },
    { key: 'founded', label: 'Founded', type: 'date' },
    { key: 'listed', label: 'Listed', type: 'boolean' },
    {
      key: 'regions',
      label: 'Regions',
      type: 'multi_select',
      options: [
        { value: 'emea', label: 'EMEA' },
        { value: 'amer', label: 'Americas' },
      ],
    },
  ];
  for (const f of fields) expect((await api.post('/api/v1/custom-fields', { objectType: 'account', ...f })).status).toBe(201);
  for (let batch = 0; batch < 2; batch++) {
    const records = Array.from({ length: 60 }, (_, k) => record(batch * 60 + k));
    const res = await api.post('/api/v1/accounts/batch/upsert', { records });
    expect(res.body.created).toBe(60);
    res.body.data.forEach((d: { id: string }, k: number) => {
      const { customFields, ...rest } = records[k];
      companies.push({ id: d.id, ...rest, custom: customFields });
    });
  }
  for (const name of ['zulu', 'alpha']) {
    const res = await api.post('/api/v1/accounts', { name });
    companies.push({
      id: res.body.id,
      name,
      domain: null,
      industry: null,
      employeeCount: null,
      annualRevenue: null,
      country: null,
      custom: {},
    });
  }
});
afterAll(async () => server?.close());

type Value = string | number | boolean | null | undefined;

function sorted(rows: Company[], value: (c: Company) => Value, descending: boolean): string[] {
  return [...rows]
    .sort((a, b) => {
      const va = value(a) ?? null;
      const vb = value(b) ?? null;
      let c = va === vb ? 0 : va === null ? 1 : vb === null ? -1 : va < vb ? -1 : 1;
      if (c === 0) c = a.id < b.id ? -1 : 1;
      return descending ? -c : c;
    })
    .map((c) => c.id);
}

async function walk(query: string, limit = 9): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages === 0 || cursor; pages++) {
    const res: ApiResponse = await api.get(`/api/v1/accounts?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.data.map((a: { id: string }) => a.id));
    cursor = res.body.nextCursor;
    expect(pages).toBeLessThan(50);
  }
  return ids;
}

const matching = async (query: string) => {
  const res: ApiResponse = await api.get(`/api/v1/accounts?limit=500&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.map((a: { id: string }) => a.id).sort();
};
const ids = (pred: (c: Company) => boolean) =>
  companies
    .filter(pred)
    .map((c) => c.id)
    .sort();

describe('cursor pagination', () => {
  const sorts: Array<[string, (c: Company) => Value]> = [
    ['name', (c) => c.name],
    ['-name', (c) => c.name],
    ['domain', (c) => c.domain],
    ['-employeeCount', (c) => c.employeeCount],
    ['employeeCount', (c) => c.employeeCount],
    ['annualRevenue', (c) => c.annualRevenue],
    ['-annualRevenue', (c) => c.annualRevenue],
    ['-industry', (c) => c.industry],
    ['customFields.arr', (c) => c.custom.arr],
    ['-customFields.arr', (c) => c.custom.arr],
    ['customFields.tier', (c) => c.custom.tier],
    ['-customFields.founded', (c) => c.custom.founded],
  ];
  for (const [sort, value] of sorts) {
    it(`walks every account exactly once sorted by ${sort}`, async () => {
      const walked = await walk(`sort=${sort}`);
      expect(new Set(walked).size).toBe(companies.length);
      expect(walked).toEqual(sorted(companies, value, sort.startsWith('-')));
    });
  }

  it('walks newest first by default', async () => {
    const walked = await walk('', 50);
    expect(walked.length).toBe(companies.length);
    // the two single creates came last, after the batches
    expect(walked.slice(0, 2)).toEqual(
      companies
        .slice(-2)
        .map((c) => c.id)
        .reverse(),
    );
  });
});

describe('filters and search', () => {
  const cases: Array<[string, (c: Company) => boolean]> = [
    ['filter[industry]=software', (c) => c.industry === 'software'],
    ['filter[industry][in]=retail,media', (c) => c.industry === 'retail' || c.industry === 'media'],
    ['filter[industry][nin]=retail,media', (c) => c.industry !== 'retail' && c.industry !== 'media'],
    ['filter[country][exists]=false', (c) => c.country === null],
    ['filter[employeeCount][gt]=200', (c) => c.employeeCount !== null && c.employeeCount > 200],
    [
      'filter[employeeCount][gte]=200&filter[employeeCount][lte]=300',
      (c) => c.employeeCount !== null && c.employeeCount >= 200 && c.employeeCount <= 300,
    ],
    ['filter[employeeCount][lt]=100', (c) => c.employeeCount !== null && c.employeeCount < 100],
    ['filter[annualRevenue][gte]=8002', (c) => c.annualRevenue !== null && c.annualRevenue >= 8002],
    ['filter[annualRevenue][neq]=0', (c) => c.annualRevenue !== 0],
    ['filter[domain]=ACCT-007.test', (c) => c.domain === 'acct-007.test'],
    ['filter[domain][exists]=false', (c) => c.domain === null],
    ['filter[name][contains]=LABS', (c) => c.name.includes('labs')],
    ['filter[customFields.arr][gte]=10000', (c) => c.custom.arr !== undefined && c.custom.arr >= 10000],
    ['filter[customFields.arr][exists]=false', (c) => c.custom.arr === undefined],
    ['filter[customFields.tier]=gold', (c) => c.custom.tier === 'gold'],
    ['filter[customFields.tier][nin]=gold', (c) => c.custom.tier !== 'gold'],
    ['filter[customFields.founded][lt]=2000-01-01', (c) => !!c.custom.founded && c.custom.founded < '2000-01-01'],
    ['filter[customFields.listed]=false', (c) => c.custom.listed === false],
    ['filter[customFields.regions]=amer', (c) => !!c.custom.regions?.includes('amer')],
    ['filter[customFields.regions][exists]=false', (c) => !c.custom.regions],
    ['q=labs%20bravo', (c) => c.name === 'bravo labs'],
    ['q=ACCT-01', (c) => !!c.domain?.startsWith('acct-01')],
    ['q=zulu', (c) => c.name === 'zulu'],
  ];
  for (const [query, pred] of cases) {
    it(`selects ${query}`, async () => {
      const expected = ids(pred);
      expect(expected.length).toBeGreaterThan(0);
      expect(await matching(query)).toEqual(expected);
    });
  }

  it('refuses bad parameters naming them', async () => {
    const res = await api.get('/api/v1/accounts?sort=contactCount&filter[employeeCount][gt]=many&filter[customFields.tier]=tin&cursor=zzz');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'filter[customFields.tier]',
      'filter[employeeCount][gt]',
      'sort',
    ]);
    const cursor = (await api.get('/api/v1/accounts?limit=2&sort=name')).body.nextCursor;
    expect((await api.get(`/api/v1/accounts?sort=-name&cursor=${cursor}`)).body.errors[0].path).toBe('cursor');
    expect((await api.get('/api/v1/accounts?cursor=zzz')).body.errors[0].path).toBe('cursor');
  });

  it('counts every match with includeTotal', async () => {
    const res = await api.get('/api/v1/accounts?limit=3&includeTotal=true&filter[customFields.tier]=silver');
    expect(res.body.data.length).toBe(3);
    expect(res.body.totalCount).toBe(ids((c) => c.custom.tier === 'silver').length);
  });
});

describe('CSV export', () => {
  it('exports the filtered, sorted accounts with custom field columns and safe cells', async () => {
    await api.post('/api/v1/accounts', {
      name: '=HYPERLINK("http://evil")',
      domain: 'formula-acc.test',
      industry: '+cmd',
      customFields: { arr: 5 },
    });
    const res = await api.get('/api/v1/accounts/export?filter[customFields.tier]=gold&sort=-customFields.arr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows: Array<Record<string, string>> = parse(res.body, { columns: true });
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'domain', 'contact_count', 'arr', 'tier', 'founded', 'listed', 'regions']),
    );
    expect(rows.map((r) => r.id)).toEqual(
      sorted(
        companies.filter((c) => c.custom.tier === 'gold'),
        (c) => c.custom.arr,
        true,
      ),
    );

    const evil = await api.get('/api/v1/accounts/export?q=formula-acc');
    const [row] = parse(evil.body, { columns: true }) as Array<Record<string, string>>;
    expect(row).toMatchObject({ name: '\'=HYPERLINK("http://evil")', industry: "'+cmd", arr: '5' });
  });
});
