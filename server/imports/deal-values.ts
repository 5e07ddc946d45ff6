// The deal import's value step. Before a deal import starts, the whole file is read once to list the
// CSV stage names and owners that match nothing in the workspace, so the user can say what they stand
// for (a stage; a member, a new inactive user or nobody). At start those answers are checked and the
// inactive users are created, in the same transaction that queues the import.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { parse } from 'csv-parse';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { ImportValueMapping } from '../db-schema.ts';
import { defaultPipelineId, listPipelines } from '../pipelines/pipelines.store.ts';
import { dealRowContext, matchStage } from './map-deal-row.ts';
import { memberLookup } from './write-deals.ts';
import type { DealValues, StartImport } from './imports.schemas.ts';

const MAX_LISTED = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function resolveImportPipeline(db: DbOrTrx, workspaceId: string, pipelineId: string | undefined | null): Promise<string> {
  if (pipelineId) {
    const p = await db
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', pipelineId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!p) throw AppError.invalid('pipelineId', 'no such pipeline in this workspace');
    return p.id;
  }
  const id = await defaultPipelineId(db, workspaceId);
  if (!id) throw AppError.invalid('pipelineId', 'the workspace has no pipeline; create one first');
  return id;
}

/** Reads the whole file and counts the stage names, owners and pipeline names that match nothing. */
export async function scanDealValues(
  db: DbOrTrx,
  workspaceId: string,
  filePath: string,
  mapping: Record<string, string>,
  pipelineId: string,
): Promise<DealValues> {
  const column = (target: string) => Object.entries(mapping).find(([, t]) => t === target)?.[0];
  const [stageCol, ownerCol, pipelineCol] = [column('stage'), column('owner'), column('pipeline')];
  const ctx = dealRowContext({
    mapping,
    pipelineId,
    pipelines: await listPipelines(db, workspaceId),
    users: await memberLookup(db, workspaceId),
    valueMapping: { stages: {}, owners: {} },
    products: [],
    closeReasons: [],
    now: new Date(),
  });
  const stages = new Map<string, { value: string; rows: number; pipelineId: string }>();
  const owners = new Map<string, { value: string; rows: number }>();
  const pipelines = new Map<string, { value: string; rows: number }>();
  let truncated = false;
  const count = <T extends { rows: number }>(map: Map<string, T>, key: string, make: () => T) => {
    const seen = map.get(key);
    if (seen) seen.rows++;
    else if (map.size < MAX_LISTED) map.set(key, make());
    else truncated = true;
  };

  let rows = 0;
  const parser = fs
    .createReadStream(filePath)
    .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    rows++;
    let rowPipeline = pipelineId;
    const p = pipelineCol ? record[pipelineCol]?.trim() : '';
    if (p) {
      const found = ctx.pipelineByName.get(p.toLowerCase());
      if (!found) {
        count(pipelines, p.toLowerCase(), () => ({ value: p, rows: 1 }));
        continue;
      }
      rowPipeline = found.id;
    }
    const s = stageCol ? record[stageCol]?.trim() : '';
    if (s && !matchStage(ctx, rowPipeline, s))
      count(stages, `${rowPipeline}\u0000${s.toLowerCase()}`, () => ({ value: s, rows: 1, pipelineId: rowPipeline }));
    const o = ownerCol ? record[ownerCol]?.trim() : '';
    if (o && !ctx.users.has(o.toLowerCase())) count(owners, o.toLowerCase(), () => ({ value: o, rows: 1 }));
  }
  const byRows = <T extends { rows: number; value: string }>(list: T[]) =>
    list.sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  return {
    pipelineId,
    rows,
    unknownStages: byRows([...stages.values()]),
    unknownOwners: byRows([...owners.values()]),
    unknownPipelines: byRows([...pipelines.values()]),
    truncated,
  };
}

/**
 * Checks the answers of a deal import's value step and turns "create" owners into new inactive
 * members (role sales, status deactivated: they own deals and show in reports but cannot sign in).
 * Returns the mapping to store, keys lowercased.
 */
export async function prepareDealValueMapping(
  trx: Trx,
  workspaceId: string,
  given: StartImport['valueMapping'],
): Promise<ImportValueMapping> {
  const result: ImportValueMapping = { stages: {}, owners: {} };
  const stages = Object.entries(given?.stages ?? {});
  if (stages.length) {
    const live = new Set((await listPipelines(trx, workspaceId)).flatMap((p) => p.stages.map((s) => s.id)));
    for (const [value, stageId] of stages) {
      if (!live.has(stageId)) throw AppError.invalid(`valueMapping.stages.${value}`, 'no such stage in this workspace');
      result.stages[value.trim().toLowerCase()] = stageId;
    }
  }
  for (const [value, target] of Object.entries(given?.owners ?? {})) {
    const key = value.trim().toLowerCase();
    if (!key) continue;
    if (target === 'unassigned') result.owners[key] = 'unassigned';
    else if (target === 'create') result.owners[key] = await createInactiveMember(trx, workspaceId, value.trim());
    else {
      const member = /^[0-9a-f-]{36}$/i.test(target)
        ? await trx
            .selectFrom('members')
            .select('user_id')
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', target)
            .executeTakeFirst()
        : undefined;
      if (!member)
        throw AppError.invalid(`valueMapping.owners.${value}`, 'must be the id of a user of this workspace, "create" or "unassigned"');
      result.owners[key] = member.user_id;
    }
  }
  return result;
}

/** A rep of the old CRM: a user named (or with the email) of the CSV, a deactivated member here. */
async function createInactiveMember(trx: Trx, workspaceId: string, value: string): Promise<string> {
  const isEmail = EMAIL.test(value);
  const slug =
    value
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '')
      .slice(0, 40) || 'rep';
  // a name has no email: a unique address in the reserved .invalid domain, which no mail reaches
  const email = isEmail ? value.toLowerCase() : `${slug}.${crypto.randomBytes(4).toString('hex')}@imported.invalid`;
  const name = isEmail
    ? value
        .split('@')[0]
        .split(/[._-]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ') || value
    : value.slice(0, 200);
  await trx
    .insertInto('users')
    .values({ email, name, password_hash: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const user = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  await trx
    .insertInto('members')
    .values({ workspace_id: workspaceId, user_id: user.id, role: 'sales', status: 'deactivated' })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
    .execute();
  return user.id;
}
