// Checks custom field values against their definitions on every write, so what is stored in the
// JSONB column always has the type its definition says (filters and sorts rely on it).
// Pure: definitions in, normalised values or field errors out.
import type { FieldError } from '../platform/errors.ts';
import type { CustomField } from './custom-fields.schemas.ts';

type Definition = Pick<CustomField, 'key' | 'type' | 'options' | 'required' | 'label'>;

export interface CustomFieldCheck {
  values: Record<string, unknown>;
  errors: FieldError[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `mode: 'create'` enforces required fields; `'update'` only checks what is given.
 * `null` clears a value (removed from the stored object). Strings from CSV files are accepted for
 * every type when `fromText` is set ("42", "true", "2026-01-31", "a;b" for multi-select).
 */
export function validateCustomFields(
  definitions: Definition[],
  input: Record<string, unknown> | undefined,
  opts: { mode: 'create' | 'update'; fromText?: boolean; pathPrefix?: string },
): CustomFieldCheck {
  const prefix = opts.pathPrefix ?? 'customFields';
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));

  for (const [key, raw] of Object.entries(input ?? {})) {
    const def = byKey.get(key);
    const path = `${prefix}.${key}`;
    if (!def) {
      errors.push({ path, message: 'is not a defined custom field (define it in Settings → Custom fields)' });
      continue;
    }
    // a blank string (an emptied form input, an empty CSV cell) is no value: it clears the field and
    // cannot fill a required one; so does a multi-select with no options (below)
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      if (def.required) errors.push({ path, message: `is required (${def.label})` });
      else values[key] = null;
      continue;
    }
    const result = coerceValue(def, raw, !!opts.fromText);
    if ('error' in result) errors.push({ path, message: result.error });
    else if (Array.isArray(result.value) && result.value.length === 0) {
      if (def.required) errors.push({ path, message: `is required (${def.label})` });
      else values[key] = null;
    } else values[key] = result.value;
  }

  if (opts.mode === 'create') {
    for (const def of definitions) {
      if (def.required && (values[def.key] === undefined || values[def.key] === null) && !errors.some((e) => e.path === `${prefix}.${def.key}`)) {
        errors.push({ path: `${prefix}.${def.key}`, message: `is required (${def.label})` });
      }
    }
  }
  return { values, errors };
}

function coerceValue(def: Definition, raw: unknown, fromText: boolean): { value: unknown } | { error: string } {
  switch (def.type) {
    case 'text': {
      if (typeof raw !== 'string') return { error: 'must be a string' };
      const value = raw.trim();
      if (value.length > 2000) return { error: 'must be at most 2000 characters' };
      return { value };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : fromText && typeof raw === 'string' ? Number(raw.replace(/,/g, '')) : NaN;
      if (typeof raw === 'string' && raw.trim() === '') return { error: 'must be a number' };
      if (!Number.isFinite(n)) return { error: 'must be a number' };
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (fromText && typeof raw === 'string') {
        const t = raw.trim().toLowerCase();
        if (['true', 'yes', '1', 'y'].includes(t)) return { value: true };
        if (['false', 'no', '0', 'n'].includes(t)) return { value: false };
      }
      return { error: 'must be true or false' };
    }
    case 'date': {
      if (typeof raw !== 'string') return { error: 'must be a date (YYYY-MM-DD)' };
      // a full ISO timestamp keeps its date; anything else after the date is not a date
      const trimmed = raw.trim();
      if (trimmed.length > 10 && !(ISO_TIME.test(trimmed.slice(10)) && !Number.isNaN(Date.parse(trimmed)))) {
        return { error: 'must be a date (YYYY-MM-DD)' };
      }
      const value = trimmed.slice(0, 10);
      if (!DATE.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value) {
        return { error: 'must be a date (YYYY-MM-DD)' };
      }
      return { value };
    }
    case 'select': {
      if (typeof raw !== 'string') return { error: 'must be one of the field options' };
      const match = findOption(def, raw, fromText);
      return match ? { value: match } : { error: `must be one of: ${def.options.map((o) => o.value).join(', ')}` };
    }
    case 'multi_select': {
      const list = Array.isArray(raw) ? raw : fromText && typeof raw === 'string' ? raw.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : null;
      if (!list || list.some((v) => typeof v !== 'string')) return { error: 'must be a list of option values' };
      const out: string[] = [];
      for (const v of list as string[]) {
        const match = findOption(def, v, fromText);
        if (!match) return { error: `"${v}" is not one of: ${def.options.map((o) => o.value).join(', ')}` };
        if (!out.includes(match)) out.push(match);
      }
      return { value: out };
    }
  }
}

/** CSV cells may carry the option's label or differ in case; the API must send the exact value. */
function findOption(def: Definition, raw: string, lenient: boolean): string | undefined {
  const exact = def.options.find((o) => o.value === raw);
  if (exact || !lenient) return exact?.value;
  const t = raw.trim().toLowerCase();
  return def.options.find((o) => o.value.toLowerCase() === t || o.label.toLowerCase() === t)?.value;
}

/** Merges validated values into stored ones; null removes a key. */
export function mergeCustomFields(stored: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
