// Creating, updating and batch-upserting accounts, with the checks that need the database.
import { AppError, type FieldError } from '../platform/errors.ts';
import type { Trx } from '../platform/db.ts';
import { checkReferences } from '../platform/references.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { mergeCustomFields, validateCustomFields } from '../custom-fields/validate-custom-fields.ts';
import { FREE_EMAIL_DOMAINS } from './domains.ts';
import type { Account, CreateAccount, UpdateAccount, UpsertAccount } from './accounts.schemas.ts';
import { findAccount, findAccountIdByDomain, linkContactsByDomain } from './accounts.store.ts';
import { upsertAccounts, type AccountUpsertOutcome, type AccountUpsertRecord } from './upsert-accounts.ts';

interface AccountValues {
  name?: string;
  domain?: string | null;
  industry?: string | null;
  employee_count?: number | null;
  annual_revenue?: number | null;
  country?: string | null;
  owner_id?: string | null;
}

function toValues(input: UpdateAccount): AccountValues {
  const v: AccountValues = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.domain !== undefined) v.domain = input.domain;
  if (input.industry !== undefined) v.industry = input.industry;
  if (input.employeeCount !== undefined) v.employee_count = input.employeeCount;
  if (input.annualRevenue !== undefined) v.annual_revenue = input.annualRevenue;
  if (input.country !== undefined) v.country = input.country;
  if (input.ownerId !== undefined) v.owner_id = input.ownerId;
  return v;
}

function fail(errors: FieldError[]): never {
  const conflict = errors.some((e) => e.message.startsWith('is already used'));
  throw new AppError(conflict ? 'already_exists' : 'validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}

async function checks(trx: Trx, workspaceId: string, input: UpdateAccount, mode: 'create' | 'update', selfId?: string) {
  const definitions = await listCustomFields(trx, workspaceId, 'account');
  const custom = validateCustomFields(definitions, input.customFields, { mode });
  const errors = [...custom.errors, ...(await checkReferences(trx, workspaceId, { ownerIds: [{ path: 'ownerId', id: input.ownerId }] }))];
  if (input.domain) {
    const existing = await findAccountIdByDomain(trx, workspaceId, input.domain);
    if (existing && existing !== selfId) errors.push({ path: 'domain', message: `is already used by another account (${existing})` });
  }
  if (errors.length) fail(errors);
  return custom.values;
}

async function linkContacts(trx: Trx, workspaceId: string, id: string, domain: string | null | undefined) {
  if (domain && !FREE_EMAIL_DOMAINS.has(domain)) await linkContactsByDomain(trx, workspaceId, id, domain);
}

export async function createAccount(trx: Trx, workspaceId: string, input: CreateAccount): Promise<Account> {
  const custom = await checks(trx, workspaceId, input, 'create');
  const row = await trx
    .insertInto('accounts')
    .values({ workspace_id: workspaceId, ...toValues(input), name: input.name, custom_fields: JSON.stringify(mergeCustomFields({}, custom)) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkContacts(trx, workspaceId, row.id, input.domain);
  return (await findAccount(trx, workspaceId, row.id))!;
}

export async function updateAccount(trx: Trx, workspaceId: string, id: string, input: UpdateAccount): Promise<Account> {
  const stored = await trx
    .selectFrom('accounts')
    .select(['custom_fields', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!stored) throw AppError.notFound('Account', id);
  const custom = await checks(trx, workspaceId, input, 'update', id);
  await trx
    .updateTable('accounts')
    .set({
      ...toValues(input),
      ...(input.customFields && { custom_fields: JSON.stringify(mergeCustomFields(stored.custom_fields, custom)) }),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  if (input.domain && input.domain !== stored.domain) await linkContacts(trx, workspaceId, id, input.domain);
  return (await findAccount(trx, workspaceId, id))!;
}

export async function batchUpsertAccounts(trx: Trx, workspaceId: string, records: UpsertAccount[]): Promise<AccountUpsertOutcome[]> {
  const definitions = await listCustomFields(trx, workspaceId, 'account');
  const errors: FieldError[] = [];
  const rows: AccountUpsertRecord[] = records.map((r, i) => {
    const custom = validateCustomFields(definitions, r.customFields, { mode: 'update', pathPrefix: `records.${i}.customFields` });
    errors.push(...custom.errors);
    return {
      ...(toValues(r) as AccountUpsertRecord),
      domain: r.domain,
      ...(r.customFields !== undefined && { custom_fields: custom.values }),
    };
  });
  errors.push(...(await checkReferences(trx, workspaceId, { ownerIds: records.map((r, i) => ({ path: `records.${i}.ownerId`, id: r.ownerId })) })));
  if (errors.length) fail(errors);
  return upsertAccounts(trx, workspaceId, rows);
}
