import { describe, expect, it } from 'vitest';
import { axisLabels, currentPeriod, isPeriod, monthsOf, periodLabel, presetRange, shiftPeriod, shortPeriodLabel, switchKind } from './periods.ts';

describe('forecast periods in the browser', () => {
  const nov26 = new Date('2026-11-26T10:00:00Z');

  it('knows the current month and quarter', () => {
    expect(currentPeriod('month', nov26)).toBe('2026-11');
    expect(currentPeriod('quarter', nov26)).toBe('2026-Q4');
  });

  it('steps across year ends both ways', () => {
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -13)).toBe('2024-12');
  });

  it('switches between a month and its quarter', () => {
    expect(switchKind('2026-11', 'quarter')).toBe('2026-Q4');
    expect(switchKind('2026-Q2', 'month')).toBe('2026-04');
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('reads well', () => {
    expect(periodLabel('2026-Q4')).toBe('Q4 2026');
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(shortPeriodLabel('2026-03')).toBe("Mar '26");
    expect(isPeriod('2026-Q5')).toBe(false);
    expect(axisLabels(['2025-11', '2025-12', '2026-01', '2026-02'])).toEqual(["Nov '25", 'Dec', "Jan '26", 'Feb']);
    expect(axisLabels(['2025-Q4', '2026-Q1'])).toEqual(["Q4 '25", "Q1 '26"]);
  });

  it('turns presets into ranges', () => {
    expect(presetRange('6m', nov26)).toEqual({ from: '2026-06-01', to: '2026-11-26' });
    expect(presetRange('12m', nov26)).toEqual({ from: '2025-12-01', to: '2026-11-26' });
    expect(presetRange('ytd', nov26)).toEqual({ from: '2026-01-01', to: '2026-11-26' });
    expect(presetRange('last-year', nov26)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
