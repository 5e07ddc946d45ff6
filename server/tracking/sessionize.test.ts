import { describe, expect, it } from 'vitest';
import { sessionize, VISIT_GAP_MS, type PageView, type VisitState } from './sessionize.ts';

const min = 60_000;
let n = 0;
const newId = () => `visit-${++n}`;
const view = (index: number, visitor: string, atMin: number, url = `https://site.example/${index}`): PageView => ({
  index,
  visitor,
  at: atMin * min,
  url,
  referrer: null,
});

describe('sessionize', () => {
  it('groups views with gaps of at most 30 minutes, per visitor', () => {
    const result = sessionize([view(0, 'a', 0), view(1, 'a', 30), view(2, 'a', 61), view(3, 'b', 1)], [], newId);
    expect(result.created.map((v) => [v.visitor, v.startedAt / min, v.lastSeenAt / min, v.pageViews])).toEqual([
      ['a', 0, 30, 2],
      ['b', 1, 1, 1],
      ['a', 61, 61, 1],
    ]);
    expect([...result.entries].sort()).toEqual([0, 2, 3]);
    expect(result.visitOf.get(0)).toBe(result.visitOf.get(1));
    expect(result.extended).toEqual([]);
  });

  it('continues a stored visit and reports it as extended', () => {
    const stored: VisitState = {
      id: 'old',
      visitor: 'a',
      startedAt: 0,
      lastSeenAt: 10 * min,
      pageViews: 3,
      landingPage: 'https://site.example/',
      referrer: null,
    };
    const result = sessionize([view(0, 'a', 25), view(1, 'a', 70)], [stored], newId);
    expect(result.visitOf.get(0)).toBe('old');
    expect(result.entries).toEqual(new Set([1]));
    expect(result.extended).toEqual([{ ...stored, lastSeenAt: 25 * min, pageViews: 4 }]);
    expect(stored.pageViews).toBe(3); // inputs are not mutated
  });

  it('takes a late view from just before a visit as its new entry', () => {
    const stored: VisitState = {
      id: 'old',
      visitor: 'a',
      startedAt: 40 * min,
      lastSeenAt: 50 * min,
      pageViews: 2,
      landingPage: 'https://site.example/later',
      referrer: null,
    };
    const result = sessionize([view(0, 'a', 20, 'https://site.example/first')], [stored], newId);
    expect(result.extended[0]).toMatchObject({ startedAt: 20 * min, landingPage: 'https://site.example/first', pageViews: 3 });
    expect(result.entries.size).toBe(0);
  });

  it('treats exactly the gap as the same visit and a millisecond more as a new one', () => {
    const result = sessionize(
      [view(0, 'a', 0), { ...view(1, 'a', 0), at: VISIT_GAP_MS }, { ...view(2, 'a', 0), at: 2 * VISIT_GAP_MS + 1 }],
      [],
      newId,
    );
    expect(result.created.map((v) => v.pageViews)).toEqual([2, 1]);
  });
});
