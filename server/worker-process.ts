// `tandem worker`: background jobs without the HTTP server, for deployments that scale them apart.
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { migrateToLatest } from './platform/migrate.ts';
import { createLogger } from './platform/logger.ts';
import { buildApp } from './app.ts';

export async function runWorkerProcess(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'worker', poolSize: 4 });
  await migrateToLatest(database.db);
  const { ctx } = await buildApp({ config, database, logger: log, serveWeb: false });
  ctx.worker.start();
  log.info('worker started');
  const stop = async () => {
    await ctx.worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
