// Creating and editing campaigns by hand. The utm_campaign key is what tagged touches are matched
// by, so it must stay unique per workspace, deleted campaigns included (they keep their traffic).
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { campaignKey } from './ensure-campaigns.ts';
import { findCampaign, findCampaignByKey } from './campaigns.store.ts';
import type { Campaign, CreateCampaign, UpdateCampaign } from './campaigns.schemas.ts';

async function assertKeyFree(db: DbOrTrx, workspaceId: string, key: string, path: string, exceptId?: string): Promise<void> {
  const existing = await findCampaignByKey(db, workspaceId, key);
  if (!existing || existing.id === exceptId) return;
  const where = existing.deleted_at ? 'a deleted campaign (restore it from the trash)' : `the campaign "${existing.name}"`;
  throw AppError.invalid(path, `utm_campaign "${key}" already belongs to ${where}`, 'already_exists');
}

export async function createCampaign(trx: DbOrTrx, workspaceId: string, input: CreateCampaign): Promise<Campaign> {
  const key = input.utmCampaign ?? campaignKey(input.name);
  await assertKeyFree(trx, workspaceId, key, input.utmCampaign ? 'utmCampaign' : 'name');
  const row = await trx
    .insertInto('campaigns')
    .values({
      workspace_id: workspaceId,
      name: input.name,
      name_key: key,
      channel: input.channel ?? null,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      description: input.description ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findCampaign(trx, workspaceId, row.id))!;
}

export async function updateCampaign(trx: DbOrTrx, workspaceId: string, id: string, input: UpdateCampaign): Promise<Campaign> {
  const current = await findCampaign(trx, workspaceId, id, true);
  if (!current) throw AppError.notFound('Campaign', id);
  if (current.deletedAt) throw new AppError('not_found', `Campaign ${id} is in the trash; restore it before editing it.`);
  if (input.utmCampaign !== undefined) await assertKeyFree(trx, workspaceId, input.utmCampaign, 'utmCampaign', id);
  const startDate = input.startDate !== undefined ? input.startDate : current.startDate;
  const endDate = input.endDate !== undefined ? input.endDate : current.endDate;
  if (startDate && endDate && endDate < startDate) {
    throw AppError.invalid(
      input.endDate !== undefined ? 'endDate' : 'startDate',
      `must keep the end date (${endDate}) on or after the start date (${startDate})`,
    );
  }
  await trx
    .updateTable('campaigns')
    .set({
      name: input.name,
      name_key: input.utmCampaign,
      channel: input.channel,
      status: input.status,
      start_date: input.startDate,
      end_date: input.endDate,
      description: input.description,
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await findCampaign(trx, workspaceId, id))!;
}

/** Moves a campaign to the trash; its touches keep pointing at it, and restoring brings it back. */
export async function deleteCampaign(db: DbOrTrx, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('campaigns')
    .set({ deleted_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function restoreCampaign(db: DbOrTrx, workspaceId: string, id: string): Promise<Campaign> {
  await db
    .updateTable('campaigns')
    .set({ deleted_at: null, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .execute();
  const campaign = await findCampaign(db, workspaceId, id);
  if (!campaign) throw AppError.notFound('Campaign', id);
  return campaign;
}
