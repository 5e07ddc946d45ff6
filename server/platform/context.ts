// What route plugins and jobs are given: the database, configuration and shared services. Built once
// per process in app.ts; tests build their own with a fresh database.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db, Engine } from './db.ts';
import type { PrincipalResolver } from './auth/principal.ts';
import type { Worker } from './jobs.ts';
import type { CustomFieldCache } from '../custom-fields/custom-fields.store.ts';

export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  log: FastifyBaseLogger;
  principals: PrincipalResolver;
  customFields: CustomFieldCache;
  worker: Worker;
}
