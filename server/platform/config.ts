// Process configuration, read once from the environment. Every knob Tandem has is here, so the
// README's configuration table can be checked against one file.
import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent Tandem runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** When set, outbox emails are also delivered through this SMTP server (nodemailer URL). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Public URL used in links inside emails (invitations). */
  publicUrl: string;
  /** Without PUBLIC_URL, links use the address the admin reached Tandem at (the request's host). */
  publicUrlFromEnv: boolean;
  logLevel: string;
  /** Secure cookies require HTTPS; off by default so http://localhost works. */
  secureCookies: boolean;
  /** Process background jobs in this process (the default); `tandem worker` runs them apart. */
  runWorker: boolean;
  databasePoolSize: number;
  /** Months of events kept (whole monthly partitions are dropped after); 0 keeps them forever. */
  eventRetentionMonths: number;
  /**
   * During a burst of tracking requests, processing of the inbox steps aside until the oldest waiting
   * event is this many seconds old (server/tracking/processing-pace.ts); 0: never.
   */
  trackingMaxDeferSeconds: number;
  /** Form submissions accepted per minute from one IP address to one form (spam guard). */
  formRateLimit: number;
  /**
   * Behind a load balancer or reverse proxy: trust its X-Forwarded-For so request IPs (rate limits,
   * consent records) are the visitors', not the proxy's. `true` (any), or the proxies' addresses/CIDRs.
   */
  trustProxy: boolean | string;
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TANDEM_DATA_DIR ?? '.tandem'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Tandem <no-reply@tandem.local>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    publicUrlFromEnv: !!env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SECURE_COOKIES === 'true',
    runWorker: env.TANDEM_WORKER !== 'false',
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? defaultPoolSize()),
    eventRetentionMonths: Number(env.EVENT_RETENTION_MONTHS ?? 25),
    trackingMaxDeferSeconds: Number(env.TRACKING_MAX_DEFER_SECONDS ?? 60),
    formRateLimit: Number(env.FORM_RATE_LIMIT ?? 10),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

/**
 * Twice this machine's cores plus one (the rule Prisma and PostgreSQL's wiki give). More connections
 * than the cores can serve only make PostgreSQL's backends take turns: on 2 cores, with the database
 * on the same machine, 20 connections gave list, filter and search requests a p95 of 20–30 ms at 10
 * concurrent clients, and 4 connections 10–15 ms with 15–40% more requests per second
 * (`npm run bench -- api`, 2026-11-26). A database on a bigger machine may want DATABASE_POOL_SIZE set.
 */
export function defaultPoolSize(cores = os.availableParallelism()): number {
  return 2 * cores + 1;
}

