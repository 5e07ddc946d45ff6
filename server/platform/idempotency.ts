// `Idempotency-Key` on POST, as Stripe does it: the first request with a key runs and its response is
// stored in the same transaction as its writes; a retry with the same key and body gets that response
// back (header `Idempotent-Replayed: true`) without running again; the same key with a different
// body is refused. A concurrent retry blocks on the key's unique index until the first one commits.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Trx } from './db.ts';
import { AppError } from './errors.ts';
import { sha256 } from './auth/secrets.ts';

export interface Created<T> {
  status: number;
  body: T;
}

export async function runIdempotent<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (trx: Trx) => Promise<T>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  const workspaceId = request.principal?.workspaceId;
  if (typeof key !== 'string' || !workspaceId) {
    const body = await db.transaction().execute(work);
    reply.code(status);
    return body;
  }
  if (key.length === 0 || key.length > 255) {
    throw AppError.invalid('Idempotency-Key', 'must be between 1 and 255 characters');
  }
  const requestHash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);

  const outcome = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        workspace_id: workspaceId,
        key,
        method: request.method,
        path: request.url,
        request_hash: requestHash,
        response_status: 0,
        response_body: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const previous = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response_status', 'response_body'])
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (previous.request_hash !== requestHash) {
        throw new AppError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        );
      }
      return { replayed: true as const, status: previous.response_status, body: previous.response_body as T };
    }
    const body = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ response_status: status, response_body: JSON.stringify(body ?? null) })
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .execute();
    return { replayed: false as const, status, body };
  });

  reply.code(outcome.status);
  if (outcome.replayed) {
    // the stored body is already JSON-shaped (dates as strings): send it as it was sent the first time
    reply.header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(JSON.stringify(outcome.body));
    return reply as unknown as T;
  }
  return outcome.body;
}

/**
 * Idempotency for a streamed upload, which cannot run inside one transaction (a transaction held open
 * for the whole upload would block PGlite's only connection). A retry after the first request
 * finished gets the stored response; the key is recorded once the upload has been accepted. The
 * request is identified by method and URL (the body is a stream, not hashed).
 */
export async function replayUpload(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const key = request.headers['idempotency-key'];
  const workspaceId = request.principal?.workspaceId;
  if (typeof key !== 'string' || !workspaceId) return false;
  if (key.length === 0 || key.length > 255) throw AppError.invalid('Idempotency-Key', 'must be between 1 and 255 characters');
  const previous = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body'])
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!previous) return false;
  if (previous.request_hash !== sha256(`${request.method} ${request.url}\nupload`)) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
  }
  reply.code(previous.response_status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8');
  reply.send(JSON.stringify(previous.response_body));
  return true;
}

export async function rememberUpload(db: Db, request: FastifyRequest, status: number, body: unknown): Promise<void> {
  const key = request.headers['idempotency-key'];
  const workspaceId = request.principal?.workspaceId;
  if (typeof key !== 'string' || !workspaceId) return;
  await db
    .insertInto('idempotency_keys')
    .values({
      workspace_id: workspaceId,
      key,
      method: request.method,
      path: request.url,
      request_hash: sha256(`${request.method} ${request.url}\nupload`),
      response_status: status,
      response_body: JSON.stringify(body ?? null),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
