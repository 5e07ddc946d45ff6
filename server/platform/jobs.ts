// The durable job queue: a PostgreSQL table claimed with FOR UPDATE SKIP LOCKED. Jobs are enqueued in
// the same transaction as the write that causes them, so a committed write always has its job, and a
// rolled-back one never does. Handlers must be idempotent: a job can run again after a crash.
import type { ZodType } from 'zod';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTrx } from './db.ts';
import type { JobsTable } from '../db-schema.ts';
import type { Selectable } from 'kysely';
import type { AppContext } from './context.ts';

export type JobRow = Selectable<JobsTable>;

export interface JobContext {
  db: Db;
  /** Configuration and shared services of the process running the job. */
  app: AppContext;
  job: JobRow;
  log: FastifyBaseLogger;
  /** Long jobs call this between batches so another worker does not take the job over. */
  heartbeat(): Promise<void>;
}

export interface JobDefinition<P = unknown> {
  name: string;
  payload: ZodType<P>;
  maxAttempts?: number;
  /** Seconds a claimed job may run without a heartbeat before it is considered abandoned. */
  leaseSeconds?: number;
  /**
   * Runs on its own every this many seconds (payload `{}`), once per period across all processes:
   * each period's run is enqueued with the period's start as dedupe key.
   */
  everySeconds?: number;
  handler(ctx: JobContext, payload: P): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface EnqueueOptions {
  workspaceId: string | null;
  /** Same name + dedupeKey is enqueued once; later calls are no-ops. */
  dedupeKey?: string;
  runAt?: Date;
}

export async function enqueue<P>(db: DbOrTrx, def: JobDefinition<P>, payload: P, opts: EnqueueOptions): Promise<void> {
  const parsed = def.payload.parse(payload);
  await db
    .insertInto('jobs')
    .values({
      workspace_id: opts.workspaceId,
      name: def.name,
      payload: JSON.stringify(parsed),
      dedupe_key: opts.dedupeKey ?? null,
      max_attempts: def.maxAttempts ?? 5,
      run_at: opts.runAt ?? new Date(),
    })
    .onConflict((oc) => oc.columns(['name', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .execute();
}

export class Worker {
  private readonly defs = new Map<string, JobDefinition<any>>(); // any: heterogeneous payload types
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    definitions: JobDefinition<any>[], // any: see above
    private readonly app: () => AppContext,
    private readonly concurrency = 2,
  ) {
    for (const d of definitions) this.defs.set(d.name, d);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now instead of at the next poll (call after committing an enqueue). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs due jobs until none are left (tests, CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim(this.concurrency);
      if (claimed.length === 0) return total;
      total += claimed.length;
      await Promise.all(claimed.map((job) => this.execute(job)));
    }
  }

  /** Enqueues the current period's run of every periodic job (a no-op when already enqueued). */
  async schedulePeriodic(now = new Date()): Promise<void> {
    for (const def of this.defs.values()) {
      if (!def.everySeconds) continue;
      const periodMs = def.everySeconds * 1000;
      const start = Math.floor(now.getTime() / periodMs) * periodMs;
      await enqueue(this.db, def, {}, { workspaceId: null, dedupeKey: `period:${new Date(start).toISOString()}`, runAt: new Date(start) });
    }
  }

  private async run(): Promise<void> {
    let idleMs = 100;
    let scheduledAt = 0;
    while (this.running) {
      if (Date.now() - scheduledAt >= 60_000) {
        scheduledAt = Date.now();
        await this.schedulePeriodic().catch((err) => this.log.error({ err }, 'scheduling periodic jobs failed'));
      }
      const free = this.concurrency - this.inFlight.size;
      let claimed: JobRow[] = [];
      if (free > 0) {
        try {
          claimed = await this.claim(free);
        } catch (err) {
          this.log.error({ err }, 'job claim failed');
        }
      }
      for (const job of claimed) {
        const p = this.execute(job).finally(() => {
          this.inFlight.delete(p);
          this.poke();
        });
        this.inFlight.add(p);
      }
      idleMs = claimed.length > 0 ? 100 : Math.min(idleMs * 2, 1000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, claimed.length > 0 ? 0 : idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async claim(limit: number): Promise<JobRow[]> {
    const names = [...this.defs.keys()];
    if (names.length === 0) return [];
    const result = await sql<JobRow>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes'
      WHERE id IN (
        SELECT id FROM jobs
        WHERE name = ANY(${names}::text[])
          AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
        ORDER BY run_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING *`.execute(this.db);
    return result.rows;
  }

  private async execute(job: JobRow): Promise<void> {
    const def = this.defs.get(job.name)!;
    const log = this.log.child({ job: job.name, jobId: job.id });
    const lease = def.leaseSeconds ?? 300;
    try {
      const payload = def.payload.parse(job.payload);
      await this.db.updateTable('jobs').set({ locked_until: sql`now() + make_interval(secs => ${lease})` }).where('id', '=', job.id).execute();
      await def.handler(
        {
          db: this.db,
          app: this.app(),
          job,
          log,
          heartbeat: async () => {
            await this.db.updateTable('jobs').set({ locked_until: sql`now() + make_interval(secs => ${lease})` }).where('id', '=', job.id).execute();
          },
        },
        payload,
      );
      await this.db.updateTable('jobs').set({ status: 'done', finished_at: sql`now()`, locked_until: null }).where('id', '=', job.id).execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      log.warn({ err, attempt: job.attempts, final }, 'job failed');
      // exponential backoff: 2s, 4s, 8s, ... capped at 10 minutes
      const delay = Math.min(2 ** job.attempts, 600);
      await this.db
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'queued',
          last_error: message.slice(0, 2000),
          locked_until: null,
          run_at: sql`now() + make_interval(secs => ${delay})`,
          finished_at: final ? sql`now()` : null,
        })
        .where('id', '=', job.id)
        .execute()
        .catch((e: unknown) => log.error({ err: e }, 'could not record job failure'));
    }
  }
}
