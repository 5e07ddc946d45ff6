// The list-query compiler on its own (no database): which requests it refuses and with what field
// paths, and the SQL and cursors it produces for the ones it accepts.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { compileList, listQuerySchema, type CustomFieldRef, type ListSpec } from './list-query.ts';

const spec: ListSpec = {
  alias: 't',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  customFieldsColumn: 'custom_fields',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text', sortable: true, nullable: true },
    email: { column: 'email', kind: 'text', sortable: true, nullable: true, lowercase: true },
    phone: { column: 'phone', kind: 'text', nullable: true },
    size: { column: 'size', kind: 'number', sortable: true, nullable: true },
    stage: { column: 'stage', kind: 'enum', sortable: true, nullable: true, values: ['lead', 'customer'] },
    tags: { column: 'tags', kind: 'tags' },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
  },
};
const customFields: CustomFieldRef[] = [
  { key: 'score', type: 'number', options: [] },
  { key: 'plan', type: 'select', options: [{ value: 'free' }, { value: 'pro' }] },
  { key: 'since', type: 'date', options: [] },
  { key: 'beta', type: 'boolean', options: [] },
  { key: 'channels', type: 'multi_select', options: [{ value: 'email' }] },
];

// compiles SQL without a connection
const db = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const query = (raw: Record<string, unknown>) => listQuerySchema.parse(raw);
const compile = (raw: Record<string, unknown>) => compileList(spec, query(raw), customFields);
const toSql = (where: RawBuilder<boolean>[]) => {
  let q = db.selectFrom('things as t').select('t.id');
  for (const w of where) q = q.where(w);
  return q.compile();
};

function refusal(raw: Record<string, unknown>): AppError {
  try {
    compile(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}
const paths = (raw: Record<string, unknown>) => refusal(raw).errors.map((e) => e.path);

describe('refused list requests', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ filter: { nope: 'x' } }, 'filter[nope]'],
    [{ filter: { 'customFields.nope': 'x' } }, 'filter[customFields.nope]'],
    [{ filter: { name: { like: 'x' } } }, 'filter[name][like]'],
    [{ filter: { size: { gt: 'big' } } }, 'filter[size][gt]'],
    [{ filter: { size: { in: '1,x' } } }, 'filter[size][in]'],
    [{ filter: { 'customFields.score': '' } }, 'filter[customFields.score]'],
    [{ filter: { createdAt: { gte: '31/12/2024' } } }, 'filter[createdAt][gte]'],
    [{ filter: { createdAt: { gte: '2024-02-31x' } } }, 'filter[createdAt][gte]'],
    [{ filter: { createdAt: { gte: '2024-02-31' } } }, 'filter[createdAt][gte]'],
    [{ filter: { 'customFields.since': '2023-02-29' } }, 'filter[customFields.since]'],
    [{ filter: { 'customFields.since': { lt: 'soon' } } }, 'filter[customFields.since][lt]'],
    [{ filter: { 'customFields.beta': 'yes' } }, 'filter[customFields.beta]'],
    [{ filter: { 'customFields.plan': 'gold' } }, 'filter[customFields.plan]'],
    [{ filter: { 'customFields.plan': { gt: 'free' } } }, 'filter[customFields.plan][gt]'],
    [{ filter: { 'customFields.channels': { lt: 'email' } } }, 'filter[customFields.channels][lt]'],
    [{ filter: { 'customFields.score': { contains: '1' } } }, 'filter[customFields.score][contains]'],
    [{ filter: { stage: 'prospect' } }, 'filter[stage]'],
    [{ filter: { tags: { gte: 'a' } } }, 'filter[tags][gte]'],
    [{ filter: { id: 'abc' } }, 'filter[id]'],
    [{ filter: { name: { exists: 'sometimes' } } }, 'filter[name][exists]'],
    [{ sort: 'nope' }, 'sort'],
    [{ sort: '-phone' }, 'sort'],
    [{ sort: 'customFields.nope' }, 'sort'],
    [{ cursor: 'garbage' }, 'cursor'],
  ])('refuses %j naming %s', (raw, path) => {
    const err = refusal(raw);
    expect(err.status).toBe(400);
    expect(err.errors.map((e) => e.path)).toEqual([path]);
  });

  it('names the known fields and operators in its messages', () => {
    expect(refusal({ filter: { nope: 'x' } }).errors[0].message).toContain('customFields.score');
    expect(refusal({ filter: { name: { like: 'x' } } }).errors[0].message).toContain('contains');
    expect(refusal({ sort: '-phone' }).errors[0].message).toContain('createdAt');
  });

  it('reports every problem of a request at once', () => {
    expect(paths({ sort: 'nope', filter: { nope: 'x', size: { gt: 'big', lt: 'small' } } }).sort()).toEqual([
      'filter[nope]',
      'filter[size][gt]',
      'filter[size][lt]',
      'sort',
    ]);
  });

  it('refuses search on a list without a search column', () => {
    const err = (() => {
      try {
        compileList({ ...spec, searchColumn: undefined }, query({ q: 'x' }), customFields);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.errors.map((e) => e.path)).toEqual(['q']);
  });

  it('refuses custom fields on a list without them', () => {
    expect(() => compileList({ ...spec, customFieldsColumn: undefined }, query({ sort: 'customFields.score' }), customFields)).toThrow(
      AppError,
    );
  });

  it('bounds the page size', () => {
    expect(listQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(listQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(listQuerySchema.safeParse({ limit: '2.5' }).success).toBe(false);
    expect(listQuerySchema.parse({}).limit).toBe(50);
    expect(listQuerySchema.parse({ limit: '500' }).limit).toBe(500);
  });
});

describe('cursors', () => {
  const rows = (n: number, sort: unknown) =>
    Array.from({ length: n }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, _sort: sort }));

  it('gives a cursor only when there is a next page', () => {
    const list = compile({ limit: '3', sort: 'size' });
    expect(list.nextCursor(rows(3, '5'))).toBeNull();
    expect(list.nextCursor(rows(4, '5'))).toEqual(expect.any(String));
  });

  it('accepts its own cursor for the same sort, including a missing value', () => {
    for (const [sort, value] of [
      ['size', '12.50'],
      ['-name', 'zed'],
      ['customFields.score', 3],
      ['-customFields.plan', null],
      ['createdAt', '2026-01-02T03:04:05.123456Z'],
    ] as const) {
      const cursor = compile({ limit: '2', sort }).nextCursor(rows(3, value))!;
      const next = compile({ limit: '2', sort, cursor });
      expect(next.where.length).toBe(1);
      expect(refusal({ sort: sort.startsWith('-') ? sort.slice(1) : `-${sort}`, cursor }).errors).toEqual([
        { path: 'cursor', message: expect.stringContaining(sort) },
      ]);
    }
  });

  it('refuses a cursor whose value does not fit the sort field', () => {
    const forge = (sort: string, v: unknown) =>
      Buffer.from(JSON.stringify({ s: sort, v, id: '00000000-0000-4000-8000-000000000001' })).toString('base64url');
    for (const [sort, v] of [
      ['size', 'big'],
      ['size', 12],
      ['createdAt', 'yesterday'],
      ['createdAt', null],
      ['customFields.score', '3'],
      ['customFields.beta', 'true'],
      ['name', { a: 1 }],
      ['customFields.since', '2024-01-01T00:00:00Z'],
    ] as const) {
      expect(paths({ sort, cursor: forge(sort, v) }), `${sort} ${JSON.stringify(v)}`).toEqual(['cursor']);
    }
    const badId = Buffer.from(JSON.stringify({ s: '-createdAt', v: '2026-01-02 03:04:05+00', id: 'x' })).toString('base64url');
    expect(paths({ cursor: badId })).toEqual(['cursor']);
  });
});

describe('compiled SQL', () => {
  it('searches every word, lowercased, with LIKE wildcards escaped', () => {
    const { sql, parameters } = toSql(compile({ q: '  Ada  50%_off ' }).where);
    expect(sql.match(/like/gi)?.length).toBe(2);
    expect(parameters).toEqual(['%ada%', '%50\\%\\_off%']);
  });

  it('lowercases values of lowercase fields and keeps others as given', () => {
    expect(toSql(compile({ filter: { email: 'Ada@Example.COM' } }).where).parameters).toEqual(['ada@example.com']);
    expect(toSql(compile({ filter: { name: 'Ada' } }).where).parameters).toEqual(['Ada']);
  });

  it('splits in/nin values on commas and trims them', () => {
    expect(toSql(compile({ filter: { stage: { in: 'lead, customer' } } }).where).parameters).toEqual(['lead', 'customer']);
    expect(toSql(compile({ filter: { 'customFields.score': { nin: '1, 2.5' } } }).where).parameters).toEqual(['1', '2.5']);
  });

  it('matches custom field equality by JSON containment so the GIN index applies', () => {
    const { sql, parameters } = toSql(compile({ filter: { 'customFields.plan': 'pro' } }).where);
    expect(sql).toContain('@>');
    expect(parameters).toEqual(['{"plan":"pro"}']);
  });

  it('sorts missing values last ascending and first descending, with the id as tie-break', () => {
    const order = (sort: string) => {
      const list = compile({ sort });
      let q = db.selectFrom('things as t').select('t.id');
      for (const o of list.orderBy) q = q.orderBy(o);
      return q.compile().sql.replace(/^.*order by /i, '');
    };
    expect(order('name')).toBe('"t"."name" ASC NULLS LAST, "t"."id" ASC');
    expect(order('-customFields.score')).toBe(`"t"."custom_fields"->'score' DESC NULLS FIRST, "t"."id" DESC`);
    expect(order('-createdAt')).toBe('"t"."created_at" DESC, "t"."id" DESC');
  });
});
