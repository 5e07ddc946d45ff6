// The board's optimistic move: the card leaves its column and tops the target column, and both
// columns' count, total and weighted total change by the deal's share, before the server answers.
// Pure, so the rollback is just the previous value.
import type { Board, Deal, Stage } from '../../queries/deals.ts';

const cents = (n: number) => Math.round(n * 100) / 100;
const weighted = (amount: number, probability: number) => Math.round(amount * probability) / 100;

export function moveCard(board: Board, dealId: string, target: Stage, patch: Partial<Deal> = {}): Board {
  const from = board.columns.find((c) => c.deals.some((d) => d.id === dealId));
  const deal = from?.deals.find((d) => d.id === dealId);
  if (!from || !deal || from.stage.id === target.id) return board;
  const moved: Deal = {
    ...deal,
    ...patch,
    stageId: target.id,
    stage: { id: target.id, name: target.name, type: target.type, probability: target.probability },
    status: target.type,
    weightedAmount: weighted(deal.amount, target.probability),
  };
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stage.id === from.stage.id) {
        return {
          ...c,
          deals: c.deals.filter((d) => d.id !== dealId),
          count: c.count - 1,
          amount: cents(c.amount - deal.amount),
          weightedAmount: cents(c.weightedAmount - weighted(deal.amount, from.stage.probability)),
        };
      }
      if (c.stage.id === target.id) {
        return {
          ...c,
          deals: [moved, ...c.deals],
          count: c.count + 1,
          amount: cents(c.amount + deal.amount),
          weightedAmount: cents(c.weightedAmount + moved.weightedAmount),
        };
      }
      return c;
    }),
  };
}
