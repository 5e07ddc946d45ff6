// Editing a deal. A new stageId goes through moveDeal (history, close reason, customers); the
// forecast category applies after the move, since a move into or out of won/lost resets it.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import type { Deal, UpdateDeal } from './deals.schemas.ts';
import { findDeal, lockDeal } from './deals.store.ts';
import { dealReferenceErrors, failWith } from './deal-references.ts';
import { moveDeal } from './move-deal.ts';
import { syncAmountFromLineItems } from './line-items.ts';
import { markDealContactsCustomers } from './mark-customers.ts';
import type { WriteContext } from './create-deal.ts';

export async function updateDeal(trx: Trx, workspaceId: string, id: string, input: UpdateDeal, context: WriteContext = {}): Promise<Deal> {
  const current = await lockDeal(trx, workspaceId, id);
  if (!current) throw AppError.notFound('Deal', id);
  const errors: FieldError[] = await dealReferenceErrors(trx, workspaceId, { ...input, selfId: id });
  const fromLineItems = input.amountFromLineItems ?? current.amount_from_line_items;
  if (fromLineItems && input.amount !== undefined) {
    errors.push({ path: 'amount', message: 'is the sum of the line items; set amountFromLineItems to false to edit it' });
  }
  if (errors.length) failWith(errors);

  await trx
    .updateTable('deals')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.amountFromLineItems !== undefined ? { amount_from_line_items: input.amountFromLineItems } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.expectedCloseDate !== undefined ? { expected_close_date: input.expectedCloseDate } : {}),
      ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
      ...(input.accountId !== undefined ? { account_id: input.accountId } : {}),
      ...(input.sourceCampaignId !== undefined ? { source_campaign_id: input.sourceCampaignId } : {}),
      ...(input.dealType !== undefined ? { deal_type: input.dealType } : {}),
      ...(input.parentDealId !== undefined ? { parent_deal_id: input.parentDealId } : {}),
      ...(input.renewalDate !== undefined ? { renewal_date: input.renewalDate } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  if (input.amountFromLineItems) await syncAmountFromLineItems(trx, workspaceId, id);

  const closing = input.closeReasonId !== undefined || input.closeReason !== undefined || input.closeNote !== undefined;
  if (input.stageId !== undefined || closing) {
    const stageId = input.stageId ?? (await findDeal(trx, workspaceId, id))!.stageId;
    await moveDeal(trx, workspaceId, id, {
      stageId,
      closeReasonId: input.closeReasonId,
      closeReason: input.closeReason,
      closeNote: input.closeNote,
      at: context.at,
      by: context.by,
    });
  }
  if (input.forecastCategory !== undefined) {
    const status = (await lockDeal(trx, workspaceId, id))!.status;
    if (status !== 'open') failWith([{ path: 'forecastCategory', message: `is "closed" while the deal is ${status}; reopen it first` }]);
    await trx
      .updateTable('deals')
      .set({ forecast_category: input.forecastCategory })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
  // a won deal that gains an account makes that account's people customers too
  if (input.accountId && input.accountId !== current.account_id) await markDealContactsCustomers(trx, workspaceId, [id]);
  return (await findDeal(trx, workspaceId, id))!;
}
