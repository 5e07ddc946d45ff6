// Lists for every object: cursor pagination over any sortable field (keyset on `(sort value, id)`,
// so page 10,000 costs what page 1 does), filters on any field including custom fields, and `q`
// search over a trigram-indexed column. Compiles request parameters into SQL fragments that a
// store adds to its own Kysely query. Pure: no I/O, tested on its own and through every list route.
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';
import { cursorValueFits, decodeCursor, encodeCursor } from './list-cursor.ts';
import type { CustomFieldType } from '../db-schema.ts';

/** `date` is a timestamptz; `day` a calendar `date` column (YYYY-MM-DD, no time zone). */
export type FieldKind = 'text' | 'number' | 'date' | 'day' | 'boolean' | 'uuid' | 'enum' | 'tags';

export interface ListField {
  column: string;
  kind: FieldKind;
  sortable?: boolean;
  /** Nullable columns sort NULLS LAST and need an extra branch in the keyset predicate. */
  nullable?: boolean;
  values?: readonly string[];
  /** Filter values are lowercased before comparing (emails, domains are stored lowercased). */
  lowercase?: boolean;
}

export interface ListSpec {
  /** Table alias the columns belong to. */
  alias: string;
  fields: Record<string, ListField>;
  defaultSort: string;
  /** Lowercased text column `q` searches; lists without one reject `q`. */
  searchColumn?: string;
  /** JSONB column of custom field values; lists without one have no `customFields.*` fields. */
  customFieldsColumn?: string;
}

export interface CustomFieldRef {
  key: string;
  type: CustomFieldType;
  options: Array<{ value: string }>;
}

export const FILTER_OPERATORS = ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists'] as const;
type Operator = (typeof FILTER_OPERATORS)[number];

/** The query parameters every list endpoint accepts. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size, 1–500 (default 50).'),
  cursor: z.string().max(2000).optional().describe('`nextCursor` from the previous page.'),
  sort: z
    .string()
    .max(80)
    .optional()
    .describe('Field to sort by, `-` prefix for descending, e.g. `-createdAt` or `customFields.plan`.'),
  q: z.string().max(200).optional().describe('Search text (name, email, domain); every word must match.'),
  filter: z
    .record(z.string(), z.union([z.string(), z.array(z.string()), z.record(z.string(), z.union([z.string(), z.array(z.string())]))]))
    .optional()
    .describe(
      'Filters, `filter[field]=value` or `filter[field][op]=value` with op one of ' +
        `${FILTER_OPERATORS.join(', ')}; \`in\`/\`nin\` take comma-separated values; custom fields as \`customFields.key\`.`,
    ),
  includeTotal: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also return `totalCount` (counts every match; slower on large lists).'),
});
export type ListQuery = z.output<typeof listQuerySchema>;

interface ResolvedField {
  name: string;
  expr: RawBuilder<unknown>;
  kind: FieldKind | 'json';
  customType?: CustomFieldType;
  nullable: boolean;
  values?: readonly string[];
  lowercase?: boolean;
  customKey?: string;
}

export interface CompiledList {
  where: RawBuilder<boolean>[];
  orderBy: RawBuilder<unknown>[];
  /** Selected as `_sort` so the next cursor can be built from the last row. */
  sortValue: RawBuilder<unknown>;
  limit: number;
  /**
   * No filter and no search: the best plan is the same index walk whatever the parameters, so the
   * query may run as a prepared statement (see platform/prepared-statements.ts).
   */
  planStable: boolean;
  nextCursor(rows: Array<{ id: string; _sort?: unknown }>): string | null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function resolveField(spec: ListSpec, customFields: CustomFieldRef[], name: string, path: string): ResolvedField {
  const col = (c: string) => sql.ref(`${spec.alias}.${c}`);
  const builtIn = spec.fields[name];
  if (builtIn) {
    return {
      name,
      expr: col(builtIn.column),
      kind: builtIn.kind,
      nullable: builtIn.nullable ?? false,
      values: builtIn.values,
      lowercase: builtIn.lowercase,
    };
  }
  if (name.startsWith('customFields.') && spec.customFieldsColumn) {
    const key = name.slice('customFields.'.length);
    const def = customFields.find((f) => f.key === key);
    if (!def) throw AppError.invalid(path, `unknown custom field "${key}"`, 'unknown_field');
    return {
      name,
      expr: sql`${col(spec.customFieldsColumn)}->${sql.lit(key)}`,
      kind: 'json',
      customType: def.type,
      nullable: true,
      values: def.type === 'select' || def.type === 'multi_select' ? def.options.map((o) => o.value) : undefined,
      customKey: key,
    };
  }
  const known = [...Object.keys(spec.fields), ...customFields.map((f) => `customFields.${f.key}`)];
  throw AppError.invalid(path, `unknown field "${name}"; known fields: ${known.join(', ')}`, 'unknown_field');
}

/** Parses one filter value to the JS value its field holds; throws a field error naming the problem. */
function coerce(field: ResolvedField, raw: string, path: string): unknown {
  const kind = field.kind === 'json' ? customKind(field.customType!) : field.kind;
  switch (kind) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw AppError.invalid(path, `"${raw}" is not a number`);
      return n;
    }
    case 'date': {
      if (
        !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ||
        Number.isNaN(Date.parse(raw)) ||
        !isCalendarDate(raw.slice(0, 10))
      ) {
        throw AppError.invalid(path, `"${raw}" is not a date (use YYYY-MM-DD or an ISO 8601 timestamp)`);
      }
      return field.kind === 'json' ? raw.slice(0, 10) : new Date(raw).toISOString();
    }
    case 'day':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isCalendarDate(raw)) throw AppError.invalid(path, `"${raw}" is not a date (use YYYY-MM-DD)`);
      return raw;
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw AppError.invalid(path, `"${raw}" is not true or false`);
      return raw === 'true';
    case 'uuid':
      if (!UUID.test(raw)) throw AppError.invalid(path, `"${raw}" is not a valid id`);
      return raw.toLowerCase();
    case 'enum':
    case 'tags':
      if (field.values && !field.values.includes(raw)) {
        throw AppError.invalid(path, `"${raw}" is not one of ${field.values.join(', ')}`);
      }
      return raw;
    default:
      return field.lowercase ? raw.toLowerCase() : raw;
  }
}

/** JavaScript rolls "2024-02-31" over to March 2nd; a filter should refuse it instead. */
export function isCalendarDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}

function customKind(type: CustomFieldType): FieldKind {
  switch (type) {
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'select':
      return 'enum';
    case 'multi_select':
      return 'tags';
    default:
      return 'text';
  }
}

const SQL_CAST: Record<string, string> = {
  text: 'text',
  number: 'numeric',
  date: 'timestamptz',
  day: 'date',
  boolean: 'boolean',
  uuid: 'uuid',
  enum: 'text',
};

function param(field: ResolvedField, value: unknown): RawBuilder<unknown> {
  if (field.kind === 'json') return sql`${JSON.stringify(value)}::jsonb`;
  if (field.kind === 'tags') return sql`${value}::text`;
  return sql`${value}::${sql.raw(SQL_CAST[field.kind])}`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterClause(spec: ListSpec, field: ResolvedField, op: Operator, raw: string | string[], path: string): RawBuilder<boolean> {
  const rawList = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (op === 'in' || op === 'nin' ? v.split(',') : [v]));
  const one = () => coerce(field, rawList[rawList.length - 1] ?? '', path);
  const list = () => rawList.map((v) => coerce(field, v.trim(), path));
  const e = field.expr;
  const isArray = field.kind === 'tags' || field.customType === 'multi_select';
  const customsCol = sql.ref(`${spec.alias}.${spec.customFieldsColumn}`);

  if (op === 'exists') {
    const wanted = coerce({ ...field, kind: 'boolean', customType: undefined }, rawList[0] ?? '', path);
    const present = field.kind === 'tags' ? sql<boolean>`cardinality(${e}) > 0` : sql<boolean>`${e} IS NOT NULL`;
    return wanted ? present : sql<boolean>`NOT (${present})`;
  }
  if (isArray) {
    // arrays (tags, multi-select): eq = has this value, in = has any of, nin = has none of
    const values = op === 'in' || op === 'nin' ? list() : [one()];
    if (!['eq', 'neq', 'in', 'nin'].includes(op)) throw AppError.invalid(path, `operator "${op}" does not apply to a list field`);
    const any =
      field.kind === 'tags'
        ? sql<boolean>`${e} && ${values}::text[]`
        : sql<boolean>`${customsCol}->${sql.lit(field.customKey!)} ?| ${values}::text[]`;
    return op === 'eq' || op === 'in' ? any : sql<boolean>`NOT coalesce(${any}, false)`;
  }
  switch (op) {
    case 'eq':
      if (field.kind === 'json') {
        // containment uses the GIN index on custom_fields
        return sql<boolean>`${customsCol} @> ${JSON.stringify({ [field.customKey!]: one() })}::jsonb`;
      }
      return sql<boolean>`${e} = ${param(field, one())}`;
    case 'neq':
      return sql<boolean>`${e} IS DISTINCT FROM ${param(field, one())}`;
    case 'in':
    case 'nin': {
      const values = list();
      if (values.length === 0) throw AppError.invalid(path, 'needs at least one value');
      const inList = sql<boolean>`${e} IN (${sql.join(values.map((v) => param(field, v)))})`;
      return op === 'in' ? inList : sql<boolean>`NOT coalesce(${inList}, false)`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const kind = field.kind === 'json' ? customKind(field.customType!) : field.kind;
      if (!['number', 'date', 'day', 'text'].includes(kind)) throw AppError.invalid(path, `operator "${op}" needs a number or date field`);
      const symbol = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
      return sql<boolean>`${e} ${sql.raw(symbol)} ${param(field, one())}`;
    }
    case 'contains': {
      const kind = field.kind === 'json' ? customKind(field.customType!) : field.kind;
      if (kind !== 'text') throw AppError.invalid(path, 'operator "contains" needs a text field');
      const text = field.kind === 'json' ? sql`${customsCol}->>${sql.lit(field.customKey!)}` : e;
      return sql<boolean>`${text} ILIKE ${`%${escapeLike(rawList[0] ?? '')}%`}`;
    }
    default:
      throw AppError.invalid(path, `unknown operator "${op as string}"; use one of ${FILTER_OPERATORS.join(', ')}`);
  }
}

export function compileList(spec: ListSpec, query: ListQuery, customFields: CustomFieldRef[]): CompiledList {
  const where: RawBuilder<boolean>[] = [];
  const errors: FieldError[] = [];

  for (const [name, condition] of Object.entries(query.filter ?? {})) {
    const entries: Array<[string, string | string[]]> =
      typeof condition === 'string' || Array.isArray(condition) ? [['eq', condition]] : Object.entries(condition);
    for (const [op, raw] of entries) {
      const path = `filter[${name}]${op === 'eq' && (typeof condition === 'string' || Array.isArray(condition)) ? '' : `[${op}]`}`;
      try {
        if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
          throw AppError.invalid(path, `unknown operator "${op}"; use one of ${FILTER_OPERATORS.join(', ')}`);
        }
        where.push(filterClause(spec, resolveField(spec, customFields, name, path), op as Operator, raw, path));
      } catch (err) {
        if (err instanceof AppError) errors.push(...err.errors);
        else throw err;
      }
    }
  }

  if (query.q && !spec.searchColumn) errors.push({ path: 'q', message: 'search is not available on this list' });
  if (query.q && spec.searchColumn) {
    const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
    const column = sql.ref(`${spec.alias}.${spec.searchColumn}`);
    for (const word of words) where.push(sql<boolean>`${column} LIKE ${`%${escapeLike(word)}%`}`);
  }

  const sortParam = query.sort ?? spec.defaultSort;
  const descending = sortParam.startsWith('-');
  const sortName = descending ? sortParam.slice(1) : sortParam;
  let sortField: ResolvedField | undefined;
  try {
    sortField = resolveField(spec, customFields, sortName, 'sort');
    if (sortField.kind !== 'json' && !spec.fields[sortName]?.sortable) {
      throw AppError.invalid('sort', `cannot sort by "${sortName}"; sortable fields: ${sortableFields(spec, customFields).join(', ')}`);
    }
  } catch (err) {
    if (err instanceof AppError) errors.push(...err.errors);
    else throw err;
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', `Invalid query: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
  }
  const field = sortField!;
  const id = sql.ref(`${spec.alias}.id`);
  const dir = sql.raw(descending ? 'DESC' : 'ASC');
  const nulls = sql.raw(field.nullable ? (descending ? ' NULLS FIRST' : ' NULLS LAST') : '');
  const orderBy = [sql`${field.expr} ${dir}${nulls}`, sql`${id} ${dir}`];

  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortParam);
    if (!cursorValueFits(field.kind === 'json' ? customKind(field.customType!) : field.kind, field.kind === 'json', field.nullable, c.v)) {
      throw new AppError('invalid_cursor', 'The cursor is not valid. Use the nextCursor value from the previous page.', [
        { path: 'cursor', message: 'is not a valid cursor' },
      ]);
    }
    const cmp = sql.raw(descending ? '<' : '>');
    const v = c.v === null ? null : param(field, c.v);
    if (v === null) {
      // the previous page ended among rows with no value for the sort field
      where.push(
        descending
          ? sql<boolean>`((${field.expr} IS NULL AND ${id} < ${c.id}::uuid) OR ${field.expr} IS NOT NULL)`
          : sql<boolean>`(${field.expr} IS NULL AND ${id} > ${c.id}::uuid)`,
      );
    } else {
      const after = sql<boolean>`(${field.expr}, ${id}) ${cmp} (${v}, ${c.id}::uuid)`;
      where.push(field.nullable && !descending ? sql<boolean>`(${after} OR ${field.expr} IS NULL)` : after);
    }
  }

  return {
    where,
    orderBy,
    // timestamps and numerics go through text: a JS Date would drop the microseconds and a JS number
    // the last digits of a large amount, and a cursor that is off by a little skips or repeats rows.
    // Timestamps as ISO 8601 in UTC, which reads back the same whatever the server's DateStyle.
    sortValue:
      field.kind === 'date'
        ? sql`to_char(${field.expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
        : field.kind === 'number'
          ? sql`${field.expr}::text`
          : field.kind === 'day'
            ? sql`to_char(${field.expr}, 'YYYY-MM-DD')`
            : field.expr,
    limit: query.limit,
    planStable: !query.q && Object.keys(query.filter ?? {}).length === 0,
    nextCursor(rows) {
      if (rows.length <= query.limit) return null;
      const last = rows[query.limit - 1];
      return encodeCursor({ s: sortParam, v: last._sort ?? null, id: last.id });
    },
  };
}

function sortableFields(spec: ListSpec, customFields: CustomFieldRef[]): string[] {
  return [
    ...Object.entries(spec.fields)
      .filter(([, f]) => f.sortable)
      .map(([n]) => n),
    ...customFields.map((f) => `customFields.${f.key}`),
  ];
}
