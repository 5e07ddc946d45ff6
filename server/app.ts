// Builds the Fastify app: platform plumbing, then each domain's routes, then the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { createHttpServer, type App } from './platform/http.ts';
import type { Config } from './platform/config.ts';
import type { OpenDatabase } from './platform/db.ts';
import type { AppContext } from './platform/context.ts';
import { AppError, toProblem } from './platform/errors.ts';
import { PrincipalResolver, authorize } from './platform/auth/principal.ts';
import { Worker } from './platform/jobs.ts';
import { CustomFieldCache } from './custom-fields/custom-fields.store.ts';
import { jobDefinitions } from './jobs.ts';
import { customFieldRoutes } from './custom-fields/custom-fields.routes.ts';
import { contactRoutes } from './contacts/contacts.routes.ts';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { noteRoutes } from './notes/notes.routes.ts';
import { sessionRoutes } from './users/session.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { apiKeyRoutes } from './api-keys/api-keys.routes.ts';
import { workspaceRoutes } from './workspaces/workspaces.routes.ts';
import { outboxRoutes } from './outbox/outbox.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { formRoutes } from './forms/forms.routes.ts';
import { campaignRoutes } from './campaigns/campaigns.routes.ts';
import { channelRoutes } from './channels/channels.routes.ts';
import { snippetRoutes } from './snippet/snippet.routes.ts';
import { trackingIngestRoutes } from './tracking/ingest.routes.ts';
import { sourceRoutes } from './tracking/sources.routes.ts';
import { trackingRoutes } from './tracking/tracking.routes.ts';
import { timelineRoutes } from './tracking/timeline.routes.ts';
import { mergeContactRoutes } from './contacts/merge-contacts.routes.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { pipelineRoutes } from './pipelines/pipelines.routes.ts';
import { closeReasonRoutes } from './pipelines/close-reasons.routes.ts';
import { productRoutes } from './products/products.routes.ts';
import { dealRoutes } from './deals/deals.routes.ts';
import { dealPartRoutes } from './deals/deal-parts.routes.ts';
import { quotaRoutes } from './forecast/quotas.routes.ts';
import { forecastRoutes } from './forecast/forecast.routes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(root, 'dist', 'web');

export interface BuildOptions {
  config: Config;
  database: OpenDatabase;
  logger: FastifyBaseLogger | boolean;
  validateResponses?: boolean;
  serveWeb?: boolean;
  /** The built web app to serve (default dist/web). */
  webDist?: string;
}

export async function buildApp(opts: BuildOptions): Promise<{ app: App; ctx: AppContext }> {
  const { config, database } = opts;
  const app = createHttpServer({
    logger: opts.logger,
    validateResponses: opts.validateResponses ?? false,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
  });
  const principals = new PrincipalResolver(database.db);
  const ctx: AppContext = {
    db: database.db,
    engine: database.engine,
    config,
    log: app.log,
    principals,
    customFields: new CustomFieldCache(),
    worker: new Worker(database.db, app.log, jobDefinitions, () => ctx),
  };

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/v1') && !route.config?.permission && !route.config?.public) {
      throw new Error(`Route ${route.method} ${url} must declare config.permission or config.public`);
    }
  });
  const authHook = authorize(principals);
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.url?.startsWith('/api/v1/')) await authHook(req, reply);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(database.db);
      return { status: 'ok', database: database.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.engine });
    }
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  snippetRoutes(app);
  // own plugin: write-key auth, CORS and lenient body parsing apply to /v1/* only
  await app.register(async (v1) => trackingIngestRoutes(v1 as unknown as App, ctx));

  await app.register(async (api) => {
    const scoped = api as unknown as App;
    sessionRoutes(scoped, ctx);
    workspaceRoutes(scoped, ctx);
    userRoutes(scoped, ctx);
    apiKeyRoutes(scoped, ctx);
    customFieldRoutes(scoped, ctx);
    contactRoutes(scoped, ctx);
    accountRoutes(scoped, ctx);
    noteRoutes(scoped, ctx);
    outboxRoutes(scoped, ctx);
    importRoutes(scoped, ctx);
    formRoutes(scoped, ctx);
    campaignRoutes(scoped, ctx);
    channelRoutes(scoped, ctx);
    sourceRoutes(scoped, ctx);
    trackingRoutes(scoped, ctx);
    timelineRoutes(scoped, ctx);
    mergeContactRoutes(scoped, ctx);
    activityRoutes(scoped, ctx);
    pipelineRoutes(scoped, ctx);
    closeReasonRoutes(scoped, ctx);
    productRoutes(scoped, ctx);
    dealRoutes(scoped, ctx);
    dealPartRoutes(scoped, ctx);
    quotaRoutes(scoped, ctx);
    forecastRoutes(scoped, ctx);
  });

  const webDist = opts.webDist ?? WEB_DIST;
  const serveWeb = (opts.serveWeb ?? true) && fs.existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      index: ['index.html'],
      // files are looked up per request, so a rebuilt web app is served without a restart
      wildcard: true,
      setHeaders(res, filePath) {
        // Vite names assets by content hash: they never change; index.html is revalidated
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const accept = req.headers.accept ?? '';
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && accept.includes('text/html');
    if (isPage && serveWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
    }
    const error = new AppError('not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`);
    return reply.code(404).type('application/problem+json').send(JSON.stringify(toProblem(error)));
  });

  return { app, ctx };
}
