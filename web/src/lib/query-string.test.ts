import { describe, expect, it } from 'vitest';
import { parseQueryString, toQueryString } from './query-string.ts';

describe('toQueryString', () => {
  it('writes filters in deepObject style the API parses', () => {
    const qs = toQueryString({
      limit: 25,
      q: 'ada lovelace',
      sort: '-createdAt',
      filter: { lifecycleStage: { in: 'lead,mql' }, 'customFields.plan': { eq: 'pro' }, tags: 'vip' },
      includeTotal: 'true',
    });
    expect(qs).toBe(
      'limit=25&q=ada%20lovelace&sort=-createdAt&filter[lifecycleStage][in]=lead,mql&filter[customFields.plan][eq]=pro&filter[tags]=vip&includeTotal=true',
    );
  });

  it('skips empty values and repeats array keys', () => {
    expect(toQueryString({ q: '', cursor: undefined, tag: ['a', 'b'], x: null })).toBe('tag=a&tag=b');
  });

  it('escapes reserved characters in values', () => {
    expect(toQueryString({ filter: { email: { contains: 'a&b=c' } } })).toBe('filter[email][contains]=a%26b%3Dc');
  });
});

describe('parseQueryString', () => {
  it('round-trips nested filters', () => {
    const params = { q: 'x y', filter: { createdAt: { gte: '2026-01-01', lte: '2026-02-01' }, tags: { eq: 'vip' } } };
    expect(parseQueryString(`?${toQueryString(params)}`)).toEqual(params);
  });

  it('collects repeated keys into arrays and decodes plus as space', () => {
    expect(parseQueryString('a=1&a=2&b=hello+world')).toEqual({ a: ['1', '2'], b: 'hello world' });
  });
});
