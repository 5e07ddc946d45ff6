import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, monthsOf, parsePeriod, periodOfDay, periodsCovering } from './period.ts';

describe('periods', () => {
  it('parses months and quarters with their first, last and next days', () => {
    expect(parsePeriod('2026-11')).toEqual({
      key: '2026-11',
      kind: 'month',
      year: 2026,
      index: 11,
      start: '2026-11-01',
      end: '2026-11-30',
      endExclusive: '2026-12-01',
    });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', index: 4, start: '2026-10-01', end: '2026-12-31', endExclusive: '2027-01-01' });
    expect(parsePeriod('2028-02')).toMatchObject({ end: '2028-02-29' }); // leap year
    expect(parsePeriod('2026-02')).toMatchObject({ end: '2026-02-28' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-q4', '26-11', '2026-1', '2026-11-01', '2026', ' 2026-11', '2026-H1', '0099-01', '1899-Q4']) {
      expect(parsePeriod(bad), bad).toBeUndefined();
    }
  });

  it('finds the period of a day and the months of a quarter', () => {
    expect(periodOfDay('2026-11-15', 'quarter').key).toBe('2026-Q4');
    expect(periodOfDay('2026-03-31', 'quarter').key).toBe('2026-Q1');
    expect(periodOfDay('2026-04-01', 'month').key).toBe('2026-04');
    expect(monthsOf(parsePeriod('2026-Q4')!).map((p) => p.key)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(parsePeriod('2026-07')!).map((p) => p.key)).toEqual(['2026-07']);
  });

  it('lists the periods overlapping a range, across a year end', () => {
    expect(periodsCovering('2026-11-15', '2027-02-01', 'month').map((p) => p.key)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsCovering('2026-09-30', '2027-01-01', 'quarter').map((p) => p.key)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodsCovering('2026-05-01', '2026-05-01', 'month').map((p) => p.key)).toEqual(['2026-05']);
  });

  it('checks and counts calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-01')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
  });
});
