// What merging two contacts leaves on the survivor, field by field, computed the way the server
// merges (server/contacts/merge-contacts.ts): the kept contact's values stay, its blanks are filled
// from the other, tags are united, custom fields it lacks are copied. Pure, for the preview.
import type { Contact, CustomField, User } from '../../api/client.ts';
import { stageInfo } from '../../lib/lifecycle.ts';

export interface MergeRow {
  key: string;
  label: string;
  kept: string | null;
  other: string | null;
  result: string | null;
  /** Where the result comes from. */
  from: 'kept' | 'other' | 'both' | 'none';
  /** The other contact's value is dropped (both had one, and they differ). */
  otherLost: boolean;
}

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function customText(field: CustomField | undefined, v: unknown): string | null {
  if (blank(v)) return null;
  const label = (x: unknown) => field?.options.find((o) => o.value === x)?.label ?? String(x);
  if (Array.isArray(v)) return v.map(label).join(', ');
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'object') return JSON.stringify(v);
  return label(v);
}

function row(key: string, label: string, kept: string | null, other: string | null): MergeRow {
  const result = kept ?? other;
  return {
    key,
    label,
    kept,
    other,
    result,
    from: kept !== null ? 'kept' : other !== null ? 'other' : 'none',
    otherLost: kept !== null && other !== null && kept !== other,
  };
}

export function mergePreview(kept: Contact, other: Contact, opts: { customFields: readonly CustomField[]; users: ReadonlyMap<string, User> }): MergeRow[] {
  const owner = (id: string | null) => (id ? (opts.users.get(id)?.name ?? 'Unknown user') : null);
  const stage = (s: Contact['lifecycleStage']) => (s ? (stageInfo(s)?.label ?? s) : null);
  const rows: MergeRow[] = [
    row('email', 'Email', kept.email, other.email),
    row('firstName', 'First name', kept.firstName, other.firstName),
    row('lastName', 'Last name', kept.lastName, other.lastName),
    row('phone', 'Phone', kept.phone, other.phone),
    row('title', 'Job title', kept.title, other.title),
    row('account', 'Account', kept.account?.name ?? null, other.account?.name ?? null),
    row('owner', 'Owner', owner(kept.ownerId), owner(other.ownerId)),
    row('lifecycleStage', 'Lifecycle stage', stage(kept.lifecycleStage), stage(other.lifecycleStage)),
  ];

  const tags = [...kept.tags, ...other.tags.filter((t) => !kept.tags.includes(t))];
  const addsTags = other.tags.some((t) => !kept.tags.includes(t));
  rows.push({
    key: 'tags',
    label: 'Tags',
    kept: kept.tags.length ? kept.tags.join(', ') : null,
    other: other.tags.length ? other.tags.join(', ') : null,
    result: tags.length ? tags.join(', ') : null,
    from: tags.length === 0 ? 'none' : kept.tags.length === 0 ? 'other' : addsTags ? 'both' : 'kept',
    otherLost: false,
  });

  // the kept contact's custom fields win key by key, even when a stored value is blank
  const defs = new Map(opts.customFields.map((f) => [f.key, f]));
  const keys = [...new Set([...opts.customFields.map((f) => f.key), ...Object.keys(kept.customFields), ...Object.keys(other.customFields)])];
  for (const key of keys) {
    const inKept = key in kept.customFields;
    const k = customText(defs.get(key), kept.customFields[key]);
    const o = customText(defs.get(key), other.customFields[key]);
    if (k === null && o === null) continue;
    const result = inKept ? k : o;
    rows.push({
      key: `customFields.${key}`,
      label: defs.get(key)?.label ?? key,
      kept: k,
      other: o,
      result,
      from: result === null ? 'none' : inKept ? 'kept' : 'other',
      otherLost: o !== null && (inKept ? k !== o : false),
    });
  }
  return rows;
}
