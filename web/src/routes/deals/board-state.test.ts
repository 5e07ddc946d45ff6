// The board's optimistic move: what the user sees between the drop and the server's answer.
import { describe, expect, it } from 'vitest';
import type { Board, Deal, Stage } from '../../queries/deals.ts';
import { moveCard } from './board-state.ts';

const stage = (id: string, probability: number, type: Stage['type'] = 'open'): Stage => ({
  id,
  pipelineId: 'p',
  name: id,
  position: 0,
  probability,
  type,
});
const deal = (id: string, s: Stage, amount: number) =>
  ({
    id,
    name: id,
    amount,
    currency: 'USD',
    stageId: s.id,
    stage: { id: s.id, name: s.name, type: s.type, probability: s.probability },
    status: s.type,
    weightedAmount: (amount * s.probability) / 100,
  }) as Deal;

const discovery = stage('Discovery', 20);
const won = stage('Won', 100, 'won');
const board = {
  pipeline: { id: 'p' },
  columns: [
    {
      stage: discovery,
      count: 3,
      amount: 1500.5,
      weightedAmount: 300.1,
      deals: [deal('a', discovery, 1000.25), deal('b', discovery, 500.25)],
      nextCursor: 'more',
    },
    { stage: won, count: 0, amount: 0, weightedAmount: 0, deals: [], nextCursor: null },
  ],
} as unknown as Board;

describe('moveCard', () => {
  it('moves the card to the top of the target and both columns’ totals with it', () => {
    const next = moveCard(board, 'a', won);
    expect(next.columns[0]).toMatchObject({ count: 2, amount: 500.25, weightedAmount: 100.05, nextCursor: 'more' });
    expect(next.columns[0].deals.map((d) => d.id)).toEqual(['b']);
    expect(next.columns[1]).toMatchObject({ count: 1, amount: 1000.25, weightedAmount: 1000.25 });
    expect(next.columns[1].deals[0]).toMatchObject({ id: 'a', stageId: 'Won', status: 'won', stage: { name: 'Won', type: 'won' } });
    expect(board.columns[0].deals).toHaveLength(2); // the previous board (the rollback) is untouched
  });

  it('leaves the board alone for an unknown card or the same column', () => {
    expect(moveCard(board, 'zzz', won)).toBe(board);
    expect(moveCard(board, 'a', discovery)).toBe(board);
  });
});
