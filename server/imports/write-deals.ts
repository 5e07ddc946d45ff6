// Writes one batch of a deal import inside the batch's transaction, set-based: accounts are found or
// created for the whole batch, then the deals go in through insertDeals (created_at and the first
// stage-history row at the CSV's created date; a won or lost deal created in the first open stage and
// closed at the CSV's close date), so win rate, cycle length and stage conversion computed on an
// imported history are the source CRM's. Deals have no natural key: every valid row creates a deal.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { listPipelines } from '../pipelines/pipelines.store.ts';
import { insertDeals } from '../deals/insert-deals.ts';
import { ensureAccountsByDomain, ensureAccountsByName } from '../accounts/ensure-accounts.ts';
import type { ImportValueMapping } from '../db-schema.ts';
import { dealRowContext, mapDealRow, type DealRowContext, type MappedDeal } from './map-deal-row.ts';

/** lowercased email or name → user id, for members of any status (imported reps are often inactive). */
export async function memberLookup(db: DbOrTrx, workspaceId: string): Promise<Map<string, string>> {
  const members = await db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.status'])
    .where('m.workspace_id', '=', workspaceId)
    // active members first, so a name shared with a deactivated member picks the active one
    .orderBy(sql`m.status = 'active'`, 'desc')
    .orderBy('m.created_at')
    .execute();
  const users = new Map<string, string>();
  for (const m of members) {
    users.set(m.email.toLowerCase(), m.id);
    if (!users.has(m.name.toLowerCase())) users.set(m.name.toLowerCase(), m.id);
  }
  return users;
}

export async function loadDealRowContext(
  db: DbOrTrx,
  workspaceId: string,
  opts: { mapping: Record<string, string>; pipelineId: string; valueMapping: ImportValueMapping | null },
): Promise<DealRowContext> {
  const [pipelines, users, products, closeReasons] = await Promise.all([
    listPipelines(db, workspaceId),
    memberLookup(db, workspaceId),
    db
      .selectFrom('products')
      .select(['id', 'name', 'sku', 'unit_price', 'currency'])
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('active', 'desc')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('close_reasons')
      .select(['id', 'kind', 'label'])
      .where('workspace_id', '=', workspaceId)
      .where('archived_at', 'is', null)
      .orderBy('position')
      .execute(),
  ]);
  return dealRowContext({
    mapping: opts.mapping,
    pipelineId: opts.pipelineId,
    pipelines,
    users,
    valueMapping: opts.valueMapping ?? { stages: {}, owners: {} },
    products: products.map((p) => ({ id: p.id, name: p.name, sku: p.sku, unitPrice: Number(p.unit_price), currency: p.currency })),
    closeReasons,
    now: new Date(),
  });
}

/** Accounts by domain first, then by name (case-insensitive); the ones named nowhere yet are created. */
async function resolveAccounts(trx: Trx, workspaceId: string, records: MappedDeal[]): Promise<Array<string | undefined>> {
  const domains = [...new Set(records.map((r) => r.accountDomain).filter((d): d is string => !!d))];
  const byDomain = new Map<string, string>();
  if (domains.length) {
    const { rows } = await sql<{ id: string; domain: string }>`
      SELECT id, domain FROM accounts
      WHERE workspace_id = ${workspaceId} AND domain = ANY(${domains}::text[]) AND deleted_at IS NULL`.execute(trx);
    for (const r of rows) byDomain.set(r.domain, r.id);
  }
  // an unknown domain with a known company name: that company (its domain is left as it is)
  const namesToFind = [
    ...new Set(
      records.filter((r) => r.accountName && (!r.accountDomain || !byDomain.has(r.accountDomain))).map((r) => r.accountName!.toLowerCase()),
    ),
  ];
  const byName = new Map<string, string>();
  if (namesToFind.length) {
    const { rows } = await sql<{ id: string; lname: string }>`
      SELECT DISTINCT ON (lower(name)) id, lower(name) AS lname FROM accounts
      WHERE workspace_id = ${workspaceId} AND lower(name) = ANY(${namesToFind}::text[]) AND deleted_at IS NULL
      ORDER BY lower(name), created_at`.execute(trx);
    for (const r of rows) byName.set(r.lname, r.id);
  }
  const newByDomain = await ensureAccountsByDomain(
    trx,
    workspaceId,
    records
      .filter((r) => r.accountDomain && !byDomain.has(r.accountDomain) && !(r.accountName && byName.has(r.accountName.toLowerCase())))
      .map((r) => ({ domain: r.accountDomain!, name: r.accountName })),
  );
  const newByName = await ensureAccountsByName(
    trx,
    workspaceId,
    records.filter((r) => r.accountName && !r.accountDomain && !byName.has(r.accountName.toLowerCase())).map((r) => r.accountName!),
  );
  return records.map((r) => {
    if (r.accountDomain && byDomain.has(r.accountDomain)) return byDomain.get(r.accountDomain);
    if (r.accountName && byName.has(r.accountName.toLowerCase())) return byName.get(r.accountName.toLowerCase());
    if (r.accountDomain) return newByDomain.get(r.accountDomain);
    if (r.accountName) return newByName.get(r.accountName.toLowerCase());
    return undefined;
  });
}

export interface DealBatchResult {
  created: number;
  failures: Array<{ index: number; errors: FieldError[] }>;
}

export async function writeDealRows(
  trx: Trx,
  workspaceId: string,
  rows: Array<Record<string, string>>,
  ctx: DealRowContext,
): Promise<DealBatchResult> {
  const failures: DealBatchResult['failures'] = [];
  const records: Array<{ index: number; deal: MappedDeal }> = [];
  rows.forEach((raw, index) => {
    const r = mapDealRow(raw, ctx);
    if (r.ok) records.push({ index, deal: r.record });
    else failures.push({ index, errors: r.errors });
  });
  const accountIds = await resolveAccounts(
    trx,
    workspaceId,
    records.map((r) => r.deal),
  );

  // set-based, with the rules createDeal and moveDeal keep for one deal (see insertDeals); every
  // reference was resolved above (stages, owners of any status, accounts, products, close reasons)
  await insertDeals(
    trx,
    workspaceId,
    records.map(({ deal: d }, i) => ({
      name: d.name,
      pipelineId: d.stage.pipelineId,
      stage: d.stage,
      createdInStageId: d.openStage?.id ?? null,
      amount: d.amount ?? 0,
      currency: d.currency ?? null,
      expectedCloseDate: d.expectedCloseDate ?? null,
      ownerId: d.ownerId ?? null,
      accountId: accountIds[i] ?? null,
      dealType: d.dealType ?? null,
      createdAt: d.createdAt ?? null,
      closedAt: d.closeAt ?? null,
      // won/lost: the import's own reason, or none (the source CRM did not say why; see README)
      closeReasonId: d.closeReasonId,
      lineItem: d.product ? { productId: d.product.id, name: d.product.name, unitPrice: d.amount ?? d.product.unitPrice } : null,
    })),
  );
  const created = records.length;
  return { created, failures: failures.sort((a, b) => a.index - b.index) };
}
