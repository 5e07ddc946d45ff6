// Products on a deal. Each line keeps its own name and price (copied from the catalogue when left
// out), so later catalogue edits do not rewrite closed deals. A deal with amountFromLineItems takes
// its amount from the lines, recomputed in SQL whenever they change.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import type { FieldError } from '../platform/errors.ts';
import type { LineItem, LineItemInput } from './deals.schemas.ts';
import { failWith } from './deal-references.ts';

const LINE_TOTAL = sql`round(li.quantity * li.unit_price * (1 - li.discount_percent / 100), 2)`;

export async function replaceLineItems(
  trx: Trx,
  workspaceId: string,
  deal: { id: string; currency: string },
  items: LineItemInput[],
): Promise<void> {
  const productIds = [...new Set(items.map((i) => i.productId).filter((id): id is string => !!id))];
  const products = productIds.length
    ? await trx
        .selectFrom('products')
        .select(['id', 'name', 'unit_price', 'currency'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', productIds)
        .execute()
    : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const errors: FieldError[] = [];
  const rows = items.map((item, i) => {
    const product = item.productId ? byId.get(item.productId) : undefined;
    if (item.productId && !product) errors.push({ path: `items.${i}.productId`, message: 'no such product in this workspace' });
    if (product && item.unitPrice === undefined && product.currency !== deal.currency) {
      errors.push({
        path: `items.${i}.unitPrice`,
        message: `is required: the product is priced in ${product.currency} and the deal in ${deal.currency}`,
      });
    }
    return {
      workspace_id: workspaceId,
      deal_id: deal.id,
      product_id: item.productId ?? null,
      name: item.name ?? product?.name ?? '',
      quantity: item.quantity,
      unit_price: item.unitPrice ?? Number(product?.unit_price ?? 0),
      discount_percent: item.discountPercent,
      position: i,
    };
  });
  if (errors.length) failWith(errors);
  await trx.deleteFrom('deal_line_items').where('workspace_id', '=', workspaceId).where('deal_id', '=', deal.id).execute();
  if (rows.length) await trx.insertInto('deal_line_items').values(rows).execute();
  await syncAmountFromLineItems(trx, workspaceId, deal.id);
}

/** Sets amount = sum of line totals, for a deal that says its amount comes from them. */
export async function syncAmountFromLineItems(db: DbOrTrx, workspaceId: string, dealId: string): Promise<void> {
  await sql`
    UPDATE deals d SET amount = coalesce((
      SELECT sum(${LINE_TOTAL}) FROM deal_line_items li WHERE li.workspace_id = d.workspace_id AND li.deal_id = d.id
    ), 0), updated_at = now()
    WHERE d.workspace_id = ${workspaceId} AND d.id = ${dealId} AND d.amount_from_line_items`.execute(db);
}

export async function listLineItems(db: DbOrTrx, workspaceId: string, dealId: string): Promise<{ data: LineItem[]; total: number }> {
  const rows = await db
    .selectFrom('deal_line_items as li')
    .select(['li.id', 'li.product_id', 'li.name', 'li.quantity', 'li.unit_price', 'li.discount_percent', LINE_TOTAL.as('total')])
    .where('li.workspace_id', '=', workspaceId)
    .where('li.deal_id', '=', dealId)
    .orderBy('li.position')
    .orderBy('li.id')
    .execute();
  const data = rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    name: r.name,
    quantity: Number(r.quantity),
    unitPrice: Number(r.unit_price),
    discountPercent: Number(r.discount_percent),
    total: Number(r.total),
  }));
  // summed in cents so the total equals the SQL sum syncAmountFromLineItems writes
  return { data, total: data.reduce((sum, li) => sum + Math.round(li.total * 100), 0) / 100 };
}
