// SQL for the product catalogue. Deleted products vanish from the catalogue; line items keep their
// own copy of name and price, so deals do not change when the catalogue does.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { CreateProduct, Product, UpdateProduct } from './products.schemas.ts';

export const productListSpec: ListSpec = {
  alias: 'p',
  defaultSort: 'name',
  searchColumn: 'search_text',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text', sortable: true },
    sku: { column: 'sku', kind: 'text', sortable: true, nullable: true },
    unitPrice: { column: 'unit_price', kind: 'number', sortable: true },
    currency: { column: 'currency', kind: 'text' },
    active: { column: 'active', kind: 'boolean' },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

function selectProducts(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('products as p')
    .select(['p.id', 'p.name', 'p.sku', 'p.description', 'p.unit_price', 'p.currency', 'p.active', 'p.created_at', 'p.updated_at'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.deleted_at', 'is', null);
}

type ProductRow = Awaited<ReturnType<ReturnType<typeof selectProducts>['executeTakeFirstOrThrow']>>;

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  description: r.description,
  unitPrice: Number(r.unit_price),
  currency: r.currency,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listProducts(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectProducts(db, workspaceId).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toProduct), nextCursor: list.nextCursor(rows) };
}

export async function findProducts(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  return (await selectProducts(db, workspaceId).where('p.id', 'in', ids).execute()).map(toProduct);
}

export async function findProduct(db: DbOrTrx, workspaceId: string, id: string): Promise<Product | undefined> {
  return (await findProducts(db, workspaceId, [id]))[0];
}

async function assertSkuFree(trx: Trx, workspaceId: string, sku: string | null | undefined, selfId?: string) {
  if (!sku) return;
  let q = trx
    .selectFrom('products')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql`lower(sku)`, '=', sku.toLowerCase());
  if (selfId) q = q.where('id', '<>', selfId);
  const taken = await q.executeTakeFirst();
  if (taken) throw AppError.invalid('sku', `is already used by another product (${taken.id})`, 'already_exists');
}

export async function createProduct(trx: Trx, workspaceId: string, input: CreateProduct): Promise<Product> {
  await assertSkuFree(trx, workspaceId, input.sku);
  const row = await trx
    .insertInto('products')
    .values({
      workspace_id: workspaceId,
      name: input.name,
      sku: input.sku ?? null,
      description: input.description ?? null,
      unit_price: input.unitPrice,
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findProduct(trx, workspaceId, row.id))!;
}

export async function updateProduct(trx: Trx, workspaceId: string, id: string, input: UpdateProduct): Promise<Product> {
  if (!(await findProduct(trx, workspaceId, id))) throw AppError.notFound('Product', id);
  await assertSkuFree(trx, workspaceId, input.sku, id);
  await trx
    .updateTable('products')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.unitPrice !== undefined ? { unit_price: input.unitPrice } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await findProduct(trx, workspaceId, id))!;
}

export async function deleteProduct(db: DbOrTrx, workspaceId: string, id: string): Promise<void> {
  const r = await db
    .updateTable('products')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Product', id);
}
