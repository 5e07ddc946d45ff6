// Creating, updating and batch-upserting contacts: validation that needs the database (custom field
// definitions, references, unique email) and the mapping from API fields to columns.
import { AppError, type FieldError } from '../platform/errors.ts';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { checkReferences } from '../platform/references.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { mergeCustomFields, validateCustomFields } from '../custom-fields/validate-custom-fields.ts';
import { companyDomainOfEmail } from '../accounts/domains.ts';
import type { Contact, CreateContact, UpdateContact, UpsertContact } from './contacts.schemas.ts';
import {
  findContact,
  findContactIdByEmail,
  findContactForUpdate,
  insertContact,
  updateContactRow,
  type ContactValues,
} from './contacts.store.ts';
import { upsertContacts, type ContactUpsertRecord, type UpsertOutcome } from './upsert-contacts.ts';

function toValues(input: UpdateContact): ContactValues {
  const v: ContactValues = {};
  if (input.email !== undefined) v.email = input.email;
  if (input.firstName !== undefined) v.first_name = input.firstName;
  if (input.lastName !== undefined) v.last_name = input.lastName;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.title !== undefined) v.title = input.title;
  if (input.accountId !== undefined) v.account_id = input.accountId;
  if (input.ownerId !== undefined) v.owner_id = input.ownerId;
  if (input.lifecycleStage !== undefined) v.lifecycle_stage = input.lifecycleStage;
  if (input.tags !== undefined) v.tags = input.tags;
  return v;
}

function fail(errors: FieldError[]): never {
  const conflict = errors.find((e) => e.message.startsWith('is already used'));
  throw new AppError(
    conflict ? 'already_exists' : 'validation_failed',
    errors.map((e) => `${e.path} ${e.message}`).join('; '),
    errors,
  );
}

async function accountIdForEmail(db: DbOrTrx, workspaceId: string, email: string | null | undefined): Promise<string | null> {
  const domain = companyDomainOfEmail(email);
  if (!domain) return null;
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function createContact(trx: Trx, workspaceId: string, input: CreateContact): Promise<Contact> {
  const definitions = await listCustomFields(trx, workspaceId, 'contact');
  const custom = validateCustomFields(definitions, input.customFields, { mode: 'create' });
  const errors = [
    ...custom.errors,
    ...(await checkReferences(trx, workspaceId, {
      accountIds: [{ path: 'accountId', id: input.accountId }],
      ownerIds: [{ path: 'ownerId', id: input.ownerId }],
    })),
  ];
  if (input.email) {
    const existing = await findContactIdByEmail(trx, workspaceId, input.email);
    if (existing) errors.push({ path: 'email', message: `is already used by another contact (${existing})` });
  }
  if (errors.length) fail(errors);
  const values = toValues(input);
  if (values.account_id === undefined) values.account_id = await accountIdForEmail(trx, workspaceId, input.email);
  values.custom_fields = mergeCustomFields({}, custom.values);
  const id = await insertContact(trx, workspaceId, values);
  return (await findContact(trx, workspaceId, id))!;
}

export async function updateContact(trx: Trx, workspaceId: string, id: string, input: UpdateContact): Promise<Contact> {
  const stored = await findContactForUpdate(trx, workspaceId, id);
  if (!stored) throw AppError.notFound('Contact', id);
  const definitions = await listCustomFields(trx, workspaceId, 'contact');
  const custom = validateCustomFields(definitions, input.customFields, { mode: 'update' });
  const errors = [
    ...custom.errors,
    ...(await checkReferences(trx, workspaceId, {
      accountIds: [{ path: 'accountId', id: input.accountId }],
      ownerIds: [{ path: 'ownerId', id: input.ownerId }],
    })),
  ];
  if (input.email) {
    const existing = await findContactIdByEmail(trx, workspaceId, input.email);
    if (existing && existing !== id) errors.push({ path: 'email', message: `is already used by another contact (${existing})` });
  }
  const nextEmail = input.email !== undefined ? input.email : stored.email;
  const nextFirst = input.firstName !== undefined ? input.firstName : stored.first_name;
  const nextLast = input.lastName !== undefined ? input.lastName : stored.last_name;
  if (!nextEmail && !nextFirst && !nextLast) {
    errors.push({ path: 'email', message: 'a contact needs an email or a name' });
  }
  if (errors.length) fail(errors);
  const values = toValues(input);
  if (input.customFields) values.custom_fields = mergeCustomFields(stored.custom_fields, custom.values);
  // an email change may reveal the company when no account was chosen
  if (input.email && values.account_id === undefined && !stored.account_id) {
    const linked = await accountIdForEmail(trx, workspaceId, nextEmail);
    if (linked) values.account_id = linked;
  }
  await updateContactRow(trx, workspaceId, id, values);
  return (await findContact(trx, workspaceId, id))!;
}

/** Validates every record first; any invalid record rejects the whole batch (nothing half-written). */
export async function batchUpsertContacts(trx: Trx, workspaceId: string, records: UpsertContact[]): Promise<UpsertOutcome[]> {
  const definitions = await listCustomFields(trx, workspaceId, 'contact');
  const errors: FieldError[] = [];
  const rows: ContactUpsertRecord[] = records.map((r, i) => {
    const custom = validateCustomFields(definitions, r.customFields, { mode: 'update', pathPrefix: `records.${i}.customFields` });
    errors.push(...custom.errors);
    const values = toValues(r);
    return {
      ...(values as ContactUpsertRecord),
      email: r.email,
      ...(r.customFields !== undefined && { custom_fields: custom.values }),
    };
  });
  errors.push(
    ...(await checkReferences(trx, workspaceId, {
      accountIds: records.map((r, i) => ({ path: `records.${i}.accountId`, id: r.accountId })),
      ownerIds: records.map((r, i) => ({ path: `records.${i}.ownerId`, id: r.ownerId })),
    })),
  );
  if (errors.length) fail(errors);
  return upsertContacts(trx, workspaceId, rows);
}
