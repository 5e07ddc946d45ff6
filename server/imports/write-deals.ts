// Writes one batch of a deal import inside the batch's transaction. Accounts are found or created
// set-based for the whole batch; each deal then goes through createDeal (its created_at and first
// stage-history row at the CSV's created date) and, when it is won or lost, through moveDeals into
// that stage at the CSV's close date, so win rate, cycle length and stage conversion computed on an
// imported history are the source CRM's. Deals have no natural key: every valid row creates a deal.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { listPipelines } from '../pipelines/pipelines.store.ts';
import { createDeal } from '../deals/create-deal.ts';
import { moveDeals } from '../deals/move-deal.ts';
import { replaceLineItems } from '../deals/line-items.ts';
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

  const owners: Array<{ id: string; owner: string }> = [];
  let created = 0;
  for (const [i, { index, deal: d }] of records.entries()) {
    let dealId: string;
    try {
      const deal = await createDeal(
        trx,
        workspaceId,
        {
          name: d.name,
          pipelineId: d.stage.pipelineId,
          stageId: (d.openStage ?? d.stage).id,
          ...(d.amount !== null ? { amount: d.amount } : {}),
          ...(d.currency ? { currency: d.currency } : {}),
          expectedCloseDate: d.expectedCloseDate ?? null,
          // set below for every owner, active or not (createDeal only takes active members)
          ownerId: null,
          accountId: accountIds[i] ?? null,
          ...(d.dealType ? { dealType: d.dealType } : {}),
        },
        d.createdAt ? { at: d.createdAt } : {},
      );
      dealId = deal.id;
    } catch (err) {
      // createDeal checks everything before it writes, so the transaction is still usable
      if (!(err instanceof AppError)) throw err;
      failures.push({ index, errors: err.errors.length ? err.errors : [{ path: 'row', message: err.message }] });
      continue;
    }
    if (d.openStage) {
      // won/lost: the import's own reason, or none (the source CRM did not say why; see README)
      await moveDeals(trx, workspaceId, [dealId], d.stage, { closeReasonId: d.closeReasonId, at: d.closeAt });
    }
    if (d.product) {
      await replaceLineItems(trx, workspaceId, { id: dealId, currency: d.currency ?? 'USD' }, [
        { productId: d.product.id, quantity: 1, unitPrice: d.amount ?? d.product.unitPrice, discountPercent: 0 },
      ]);
    }
    if (d.ownerId) owners.push({ id: dealId, owner: d.ownerId });
    created++;
  }
  if (owners.length) {
    await sql`
      UPDATE deals d SET owner_id = t.owner
      FROM unnest(${owners.map((o) => o.id)}::uuid[], ${owners.map((o) => o.owner)}::uuid[]) AS t(id, owner)
      WHERE d.workspace_id = ${workspaceId} AND d.id = t.id`.execute(trx);
  }
  return { created, failures: failures.sort((a, b) => a.index - b.index) };
}
