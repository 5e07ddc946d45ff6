// "Today" in the member's time zone, including the days clocks change (23 or 25 hours long, or a
// day whose midnight does not exist).
import { describe, expect, it } from 'vitest';
import { dayBounds, isTimeZone } from './day-bounds.ts';

const bounds = (now: string, tz: string) => {
  const { start, end } = dayBounds(new Date(now), tz);
  return [start.toISOString(), end.toISOString()];
};

describe('dayBounds', () => {
  it('is the UTC day in UTC', () => {
    expect(bounds('2026-06-10T12:00:00Z', 'UTC')).toEqual(['2026-06-10T00:00:00.000Z', '2026-06-11T00:00:00.000Z']);
  });

  it('is the local day elsewhere, even when the UTC date differs', () => {
    expect(bounds('2026-06-10T23:30:00Z', 'Europe/Berlin')).toEqual(['2026-06-10T22:00:00.000Z', '2026-06-11T22:00:00.000Z']);
    expect(bounds('2026-06-10T12:00:00Z', 'Asia/Kolkata')).toEqual(['2026-06-09T18:30:00.000Z', '2026-06-10T18:30:00.000Z']);
    expect(bounds('2026-06-10T02:00:00Z', 'America/Los_Angeles')).toEqual(['2026-06-09T07:00:00.000Z', '2026-06-10T07:00:00.000Z']);
  });

  it('has 23 hours when clocks go forward and 25 when they go back', () => {
    expect(bounds('2026-03-08T15:00:00Z', 'America/New_York')).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(bounds('2026-11-01T15:00:00Z', 'America/New_York')).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(bounds('2026-03-29T12:00:00Z', 'Europe/Berlin')).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('starts at 01:00 where midnight is skipped', () => {
    // Chile moves clocks from 00:00 to 01:00 on the first Sunday of September
    expect(bounds('2026-09-06T12:00:00Z', 'America/Santiago')).toEqual(['2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z']);
  });

  it('knows time zone names', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
