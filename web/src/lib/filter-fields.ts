// Which fields a list can be filtered on, with the operators that make sense for each kind of value
// and how a filter reads as a sentence ("Lifecycle stage is any of Lead, MQL").
import type { CustomField, User } from '../api/client.ts';
import { LIFECYCLE_STAGES } from './lifecycle.ts';
import type { FilterOp } from './list-search.ts';
import { formatDate, formatNumber } from './format.ts';

export type FilterKind = 'text' | 'number' | 'datetime' | 'date' | 'boolean' | 'enum' | 'list' | 'tags' | 'user' | 'relation';

export interface FilterField {
  key: string;
  label: string;
  kind: FilterKind;
  options?: Array<{ value: string; label: string }>;
}

/** Operators offered per kind; `between` is the builder's shorthand for gte + lte. */
export type BuilderOp = FilterOp | 'between';

export const OPS_BY_KIND: Record<FilterKind, Array<{ op: BuilderOp; label: string }>> = {
  text: [
    { op: 'contains', label: 'contains' },
    { op: 'eq', label: 'is' },
    { op: 'neq', label: 'is not' },
    { op: 'exists', label: 'is set / empty' },
  ],
  number: [
    { op: 'eq', label: '=' },
    { op: 'neq', label: '≠' },
    { op: 'gt', label: '>' },
    { op: 'gte', label: '≥' },
    { op: 'lt', label: '<' },
    { op: 'lte', label: '≤' },
    { op: 'exists', label: 'is set / empty' },
  ],
  datetime: [
    { op: 'between', label: 'between' },
    { op: 'gte', label: 'on or after' },
    { op: 'lte', label: 'on or before' },
  ],
  date: [
    { op: 'between', label: 'between' },
    { op: 'gte', label: 'on or after' },
    { op: 'lte', label: 'on or before' },
    { op: 'exists', label: 'is set / empty' },
  ],
  boolean: [
    { op: 'eq', label: 'is' },
    { op: 'exists', label: 'is set / empty' },
  ],
  enum: [
    { op: 'in', label: 'is any of' },
    { op: 'nin', label: 'is none of' },
    { op: 'exists', label: 'is set / empty' },
  ],
  list: [
    { op: 'in', label: 'has any of' },
    { op: 'nin', label: 'has none of' },
    { op: 'exists', label: 'is set / empty' },
  ],
  tags: [
    { op: 'in', label: 'has any of' },
    { op: 'nin', label: 'has none of' },
    { op: 'exists', label: 'has tags / none' },
  ],
  user: [
    { op: 'in', label: 'is any of' },
    { op: 'exists', label: 'is assigned / unassigned' },
  ],
  relation: [{ op: 'exists', label: 'is set / empty' }],
};

export function customFilterFields(fields: CustomField[]): FilterField[] {
  return fields.map((f) => ({
    key: `customFields.${f.key}`,
    label: f.label,
    kind: f.type === 'multi_select' ? 'list' : f.type === 'select' ? 'enum' : f.type === 'text' ? 'text' : f.type,
    options: f.options,
  }));
}

export const contactFilterFields = (custom: CustomField[]): FilterField[] => [
  {
    key: 'lifecycleStage',
    label: 'Lifecycle stage',
    kind: 'enum',
    options: LIFECYCLE_STAGES.map(({ value, label }) => ({ value, label })),
  },
  { key: 'ownerId', label: 'Owner', kind: 'user' },
  { key: 'tags', label: 'Tags', kind: 'tags' },
  { key: 'accountId', label: 'Account', kind: 'relation' },
  { key: 'createdAt', label: 'Created', kind: 'datetime' },
  { key: 'updatedAt', label: 'Updated', kind: 'datetime' },
  { key: 'email', label: 'Email', kind: 'text' },
  { key: 'firstName', label: 'First name', kind: 'text' },
  { key: 'lastName', label: 'Last name', kind: 'text' },
  { key: 'title', label: 'Job title', kind: 'text' },
  { key: 'phone', label: 'Phone', kind: 'text' },
  ...customFilterFields(custom),
];

export const accountFilterFields = (custom: CustomField[]): FilterField[] => [
  { key: 'industry', label: 'Industry', kind: 'text' },
  { key: 'country', label: 'Country', kind: 'text' },
  { key: 'employeeCount', label: 'Employees', kind: 'number' },
  { key: 'annualRevenue', label: 'Annual revenue', kind: 'number' },
  { key: 'ownerId', label: 'Owner', kind: 'user' },
  { key: 'domain', label: 'Domain', kind: 'text' },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'createdAt', label: 'Created', kind: 'datetime' },
  { key: 'updatedAt', label: 'Updated', kind: 'datetime' },
  ...customFilterFields(custom),
];

const OP_WORDS: Partial<Record<FilterOp, string>> = {
  eq: 'is',
  neq: 'is not',
  in: 'is any of',
  nin: 'is none of',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  contains: 'contains',
};

/** "Created on or after Jan 1, 2026", "Tags has any of vip, trial", "Account is empty". */
export function describeFilter(field: FilterField | undefined, key: string, op: FilterOp, value: string, users: Map<string, User>): string {
  const label = field?.label ?? key;
  const kind = field?.kind ?? 'text';
  if (op === 'exists') {
    const yes = value === 'true';
    if (kind === 'user') return `${label} ${yes ? 'is assigned' : 'is unassigned'}`;
    if (kind === 'tags') return yes ? 'Has tags' : 'Has no tags';
    return `${label} ${yes ? 'is set' : 'is empty'}`;
  }
  if (kind === 'relation') return `${label} is a specific ${label.toLowerCase()}`;
  const show = (v: string) => {
    if (kind === 'user') return users.get(v)?.name ?? 'unknown member';
    if (kind === 'datetime' || kind === 'date') return formatDate(v);
    if (kind === 'number') return formatNumber(Number(v));
    if (kind === 'boolean') return v === 'true' ? 'yes' : 'no';
    return field?.options?.find((o) => o.value === v)?.label ?? v;
  };
  const values = op === 'in' || op === 'nin' ? value.split(',').map(show).join(', ') : show(value);
  if (kind === 'datetime' || kind === 'date') {
    if (op === 'gte' || op === 'gt') return `${label} on or after ${values}`;
    if (op === 'lte' || op === 'lt') return `${label} on or before ${values}`;
  }
  const word =
    kind === 'list' || kind === 'tags'
      ? op === 'in' || op === 'eq'
        ? 'has any of'
        : op === 'nin'
          ? 'has none of'
          : OP_WORDS[op]
      : OP_WORDS[op];
  return `${label} ${word} ${values}`;
}
