import { describe, expect, it } from 'vitest';
import { filterChips, nextSort, validateListSearch, withFilter, withoutFilter } from './list-search.ts';
import { parseQueryString, toQueryString } from './query-string.ts';

describe('validateListSearch', () => {
  it('reads a list URL into the API parameters', () => {
    const raw = parseQueryString('?q=ada&sort=-createdAt&limit=100&filter[lifecycleStage][in]=lead,mql&filter[tags]=vip');
    expect(validateListSearch(raw)).toEqual({
      q: 'ada',
      sort: '-createdAt',
      limit: 100,
      filter: { lifecycleStage: { in: 'lead,mql' }, tags: { eq: 'vip' } },
    });
  });

  it('drops malformed parameters instead of failing', () => {
    const raw = parseQueryString('limit=7&sort=a;drop&filter[x][like]=1&filter[bad field]=1&q=');
    expect(validateListSearch(raw)).toEqual({});
  });

  it('survives a round trip through the URL', () => {
    const search = { q: 'x', filter: { createdAt: { gte: '2026-01-01', lte: '2026-03-01' } } };
    expect(validateListSearch(parseQueryString(toQueryString(search)))).toEqual(search);
  });
});

describe('filter helpers', () => {
  it('adds, lists and removes filters per operator', () => {
    let f = withFilter(undefined, { field: 'createdAt', op: 'gte', value: '2026-01-01' });
    f = withFilter(f, { field: 'createdAt', op: 'lte', value: '2026-02-01' });
    expect(filterChips(f)).toHaveLength(2);
    expect(withoutFilter(f, 'createdAt', 'gte')).toEqual({ createdAt: { lte: '2026-02-01' } });
    expect(withoutFilter(withoutFilter(f, 'createdAt', 'gte'), 'createdAt', 'lte')).toBeUndefined();
  });

  it('cycles sort ascending, descending, default', () => {
    expect(nextSort(undefined, 'email')).toBe('email');
    expect(nextSort('email', 'email')).toBe('-email');
    expect(nextSort('-email', 'email')).toBeUndefined();
  });
});
