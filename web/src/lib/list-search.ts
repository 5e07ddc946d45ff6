// A list view's state as it lives in the URL: search text, sort, page size and filters in the API's
// own shape (`filter[field][op]=value`), so `/contacts?filter[tags][eq]=vip&sort=-createdAt` is both
// a shareable link and, almost verbatim, the API request behind it.

export const FILTER_OPS = ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
export type ListFilters = Record<string, Partial<Record<FilterOp, string>>>;

export interface ListSearch {
  q?: string;
  sort?: string;
  limit?: number;
  filter?: ListFilters;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

function str(v: unknown): string | undefined {
  if (Array.isArray(v)) return str(v[v.length - 1]);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** Keeps only well-formed parameters, so a hand-edited URL cannot crash the page. */
export function validateListSearch(raw: Record<string, unknown>): ListSearch {
  const out: ListSearch = {};
  const q = str(raw.q);
  if (q) out.q = q;
  const sort = str(raw.sort);
  if (sort && /^-?[\w.]+$/.test(sort)) out.sort = sort;
  const limit = Number(str(raw.limit));
  if ((PAGE_SIZES as readonly number[]).includes(limit)) out.limit = limit;
  if (raw.filter && typeof raw.filter === 'object' && !Array.isArray(raw.filter)) {
    const filter: ListFilters = {};
    for (const [field, value] of Object.entries(raw.filter as Record<string, unknown>)) {
      if (!/^[\w.]+$/.test(field)) continue;
      const ops: Partial<Record<FilterOp, string>> = {};
      if (typeof value === 'string' || Array.isArray(value)) {
        const v = str(value);
        if (v !== undefined) ops.eq = v;
      } else if (value && typeof value === 'object') {
        for (const [op, v] of Object.entries(value as Record<string, unknown>)) {
          const s = str(v);
          if ((FILTER_OPS as readonly string[]).includes(op) && s !== undefined) ops[op as FilterOp] = s;
        }
      }
      if (Object.keys(ops).length > 0) filter[field] = ops;
    }
    if (Object.keys(filter).length > 0) out.filter = filter;
  }
  return out;
}

export interface FilterChip {
  field: string;
  op: FilterOp;
  value: string;
}

export function filterChips(filter: ListFilters | undefined): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const [field, ops] of Object.entries(filter ?? {})) {
    for (const [op, value] of Object.entries(ops)) if (value !== undefined) chips.push({ field, op: op as FilterOp, value });
  }
  return chips;
}

export function withFilter(filter: ListFilters | undefined, chip: FilterChip): ListFilters {
  return { ...filter, [chip.field]: { ...filter?.[chip.field], [chip.op]: chip.value } };
}

export function withoutFilter(filter: ListFilters | undefined, field: string, op?: FilterOp): ListFilters | undefined {
  const next: ListFilters = { ...filter };
  if (op && next[field]) {
    const ops = { ...next[field] };
    delete ops[op];
    if (Object.keys(ops).length > 0) next[field] = ops;
    else delete next[field];
  } else delete next[field];
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Sort toggling for a column header: unsorted → ascending → descending → back to the default. */
export function nextSort(current: string | undefined, field: string): string | undefined {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return undefined;
  return field;
}
