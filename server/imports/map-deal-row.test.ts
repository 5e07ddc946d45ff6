import { describe, expect, it } from 'vitest';
import { parseDate } from './map-deal-row.ts';

describe('dates of CRM exports', () => {
  it('reads ISO, HubSpot, Salesforce and European dates as UTC', () => {
    expect(parseDate('2025-03-15')).toEqual({ at: '2025-03-15T00:00:00.000Z', day: '2025-03-15' });
    expect(parseDate('2025-03-15 10:30')).toEqual({ at: '2025-03-15T10:30:00.000Z', day: '2025-03-15' });
    expect(parseDate('2025-03-15T23:30:00-02:00')).toEqual({ at: '2025-03-16T01:30:00.000Z', day: '2025-03-16' });
    expect(parseDate('3/15/2025')).toEqual({ at: '2025-03-15T00:00:00.000Z', day: '2025-03-15' });
    expect(parseDate('15/3/2025')?.day).toBe('2025-03-15');
    expect(parseDate('1/15/2025, 2:30 PM')?.at).toBe('2025-01-15T14:30:00.000Z');
    expect(parseDate('1/15/2025 12:05 AM')?.at).toBe('2025-01-15T00:05:00.000Z');
    expect(parseDate('15.03.2025')?.day).toBe('2025-03-15');
    expect(parseDate('1741996800000')?.day).toBe('2025-03-15');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2025-02-30', '31/31/2025', '13/13/2025', 'soon', '2025-03-15 25:00', '', '1/15/2025 13:00 PM']) expect(parseDate(bad), bad).toBeUndefined();
  });
});
