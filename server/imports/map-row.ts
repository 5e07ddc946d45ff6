// Turns one CSV row into a record to upsert, or into the list of problems with it. Pure: the
// mapping, custom field definitions and the workspace's users come in; nothing is looked up here.
import type { FieldError } from '../platform/errors.ts';
import type { LifecycleStage } from '../db-schema.ts';
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts';
import type { CustomField } from '../custom-fields/custom-fields.schemas.ts';
import { normaliseDomain } from '../accounts/domains.ts';
import { normaliseHeader } from './suggest-mapping.ts';

export interface MappedContact {
  email: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  title?: string | null;
  owner_id?: string | null;
  lifecycle_stage?: LifecycleStage | null;
  tags?: string[];
  custom_fields?: Record<string, unknown>;
  accountName?: string;
  accountDomain?: string;
}

export interface MappedAccount {
  domain: string | null;
  name?: string;
  industry?: string | null;
  employee_count?: number | null;
  annual_revenue?: number | null;
  country?: string | null;
  owner_id?: string | null;
  custom_fields?: Record<string, unknown>;
}

export type RowResult<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };

export interface RowContext {
  mapping: Record<string, string>;
  customFields: CustomField[];
  /** lowercased email or name → user id */
  users: Map<string, string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const LIFECYCLE: Record<string, LifecycleStage> = {
  subscriber: 'subscriber', lead: 'lead', mql: 'mql', marketingqualifiedlead: 'mql', sql: 'sql', salesqualifiedlead: 'sql',
  opportunity: 'opportunity', customer: 'customer', evangelist: 'evangelist', other: 'other',
};

function text(value: string, max: number, path: string, errors: FieldError[]): string | null {
  const v = value.trim();
  if (v.length > max) {
    errors.push({ path, message: `must be at most ${max} characters` });
    return null;
  }
  return v === '' ? null : v;
}

function owner(value: string, ctx: RowContext, errors: FieldError[]): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const id = ctx.users.get(v.toLowerCase());
  if (!id) errors.push({ path: 'owner', message: `"${v}" is not a user of this workspace (match by email or name)` });
  return id;
}

function number(value: string, path: string, errors: FieldError[], integer: boolean): number | null | undefined {
  const v = value.trim().replace(/[,\s$€£]/g, '');
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    errors.push({ path, message: `"${value}" is not a ${integer ? 'whole ' : ''}number` });
    return undefined;
  }
  return n;
}

/** Blank cells leave stored values alone (an import fills in; it does not erase). */
export function mapContactRow(row: Record<string, string>, ctx: RowContext): RowResult<MappedContact> {
  const errors: FieldError[] = [];
  const out: MappedContact = { email: null };
  const custom: Record<string, unknown> = {};
  for (const [header, target] of Object.entries(ctx.mapping)) {
    const value = row[header];
    if (!target || value === undefined || value.trim() === '') continue;
    switch (target) {
      case 'email': {
        const email = value.trim().toLowerCase();
        if (email.length > 254 || !EMAIL.test(email)) errors.push({ path: 'email', message: `"${value}" is not a valid email address` });
        else out.email = email;
        break;
      }
      case 'firstName': out.first_name = text(value, 100, 'firstName', errors); break;
      case 'lastName': out.last_name = text(value, 100, 'lastName', errors); break;
      case 'phone': out.phone = text(value, 50, 'phone', errors); break;
      case 'title': out.title = text(value, 200, 'title', errors); break;
      case 'lifecycleStage': {
        const stage = LIFECYCLE[normaliseHeader(value)];
        if (!stage) errors.push({ path: 'lifecycleStage', message: `"${value}" is not a lifecycle stage (${Object.keys(LIFECYCLE).slice(0, 8).join(', ')}…)` });
        else out.lifecycle_stage = stage;
        break;
      }
      case 'tags': out.tags = [...new Set(value.split(/[;,]/).map((t) => t.trim()).filter(Boolean))].slice(0, 100); break;
      case 'owner': out.owner_id = owner(value, ctx, errors); break;
      case 'accountName': out.accountName = value.trim().slice(0, 200); break;
      case 'accountDomain': {
        const d = normaliseDomain(value);
        if (!d) errors.push({ path: 'accountDomain', message: `"${value}" is not a valid domain` });
        else out.accountDomain = d;
        break;
      }
      default:
        if (target.startsWith('customFields.')) custom[target.slice(13)] = value;
    }
  }
  if (Object.keys(custom).length) {
    const check = validateCustomFields(ctx.customFields, custom, { mode: 'update', fromText: true });
    errors.push(...check.errors);
    out.custom_fields = check.values;
  }
  if (!out.email && !out.first_name && !out.last_name && !errors.some((e) => e.path === 'email')) {
    errors.push({ path: 'email', message: 'is empty and so is the name: nothing identifies this contact' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, record: out };
}

export function mapAccountRow(row: Record<string, string>, ctx: RowContext): RowResult<MappedAccount> {
  const errors: FieldError[] = [];
  const out: MappedAccount = { domain: null };
  const custom: Record<string, unknown> = {};
  for (const [header, target] of Object.entries(ctx.mapping)) {
    const value = row[header];
    if (!target || value === undefined || value.trim() === '') continue;
    switch (target) {
      case 'name': {
        const name = text(value, 200, 'name', errors);
        if (name) out.name = name;
        break;
      }
      case 'domain': {
        const d = normaliseDomain(value);
        if (!d) errors.push({ path: 'domain', message: `"${value}" is not a valid domain` });
        else out.domain = d;
        break;
      }
      case 'industry': out.industry = text(value, 100, 'industry', errors); break;
      case 'country': out.country = text(value, 100, 'country', errors); break;
      case 'employeeCount': {
        const n = number(value, 'employeeCount', errors, true);
        if (n !== undefined) out.employee_count = n;
        break;
      }
      case 'annualRevenue': {
        const n = number(value, 'annualRevenue', errors, false);
        if (n !== undefined) out.annual_revenue = n;
        break;
      }
      case 'owner': out.owner_id = owner(value, ctx, errors); break;
      default:
        if (target.startsWith('customFields.')) custom[target.slice(13)] = value;
    }
  }
  if (Object.keys(custom).length) {
    const check = validateCustomFields(ctx.customFields, custom, { mode: 'update', fromText: true });
    errors.push(...check.errors);
    out.custom_fields = check.values;
  }
  if (!out.domain && !out.name && !errors.some((e) => e.path === 'domain')) {
    errors.push({ path: 'name', message: 'is empty and so is the domain: nothing identifies this account' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, record: out };
}
