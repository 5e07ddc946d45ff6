import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { createProductSchema, productSchema, updateProductSchema } from './products.schemas.ts';
import { createProduct, deleteProduct, findProduct, listProducts, productListSpec, updateProduct } from './products.store.ts';

const tags = ['Products'];

export function productRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/products', {
    schema: {
      tags,
      summary: 'List products',
      description: 'Sort (`name`, `unitPrice`, …), filter (`filter[active]=true`), search `q` over name and SKU.',
      querystring: listQuerySchema.omit({ includeTotal: true }),
      response: { 200: listEnvelope(productSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) =>
      listProducts(db, req.principal!.workspaceId, compileList(productListSpec, { ...req.query, includeTotal: false }, [])),
  });

  app.get('/api/v1/products/:id', {
    schema: { tags, summary: 'Get a product', params: idParams, response: { 200: productSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const product = await findProduct(db, req.principal!.workspaceId, req.params.id);
      if (!product) throw AppError.notFound('Product', req.params.id);
      return product;
    },
  });

  app.post('/api/v1/products', {
    schema: {
      tags,
      summary: 'Add a product to the catalogue',
      body: createProductSchema,
      response: { 201: productSchema, ...errors(409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) => runIdempotent(db, req, reply, 201, (trx) => createProduct(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/products/:id', {
    schema: {
      tags,
      summary: 'Update a product',
      params: idParams,
      body: updateProductSchema,
      response: { 200: productSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => db.transaction().execute((trx) => updateProduct(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/products/:id', {
    schema: {
      tags,
      summary: 'Delete a product',
      description: 'Removes it from the catalogue; line items already on deals keep their name and price.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      await deleteProduct(db, req.principal!.workspaceId, req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
