// `tandem serve`: open the database, migrate, start the job worker and the HTTP server; on SIGTERM
// stop taking requests, finish the ones in flight and the running jobs, then close the database.
import { loadConfig, type Config } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { migrateToLatest } from './platform/migrate.ts';
import { createLogger } from './platform/logger.ts';
import { buildApp } from './app.ts';

export async function serve(config: Config = loadConfig()): Promise<void> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'serve', poolSize: config.databasePoolSize });
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ migrations: applied.map((m) => m.migrationName) }, 'database migrated');
  const { app, ctx } = await buildApp({ config, database, logger: log });
  if (config.runWorker) ctx.worker.start();
  await app.listen({ port: config.port, host: config.host });
  database.announcePort(config.port);
  log.info(
    `Tandem is running at ${config.publicUrl} on ${database.engine === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests and jobs');
    const force = setTimeout(() => {
      log.error('shutdown took over 25s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await app.close();
      await ctx.worker.stop();
      await database.close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
