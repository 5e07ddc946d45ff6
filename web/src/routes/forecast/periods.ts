// Forecast periods in the browser: the API's `2026-11` / `2026-Q4` keys, stepping between them, how
// they read on screen, and the date ranges of the metrics presets. UTC, like the server.

export type PeriodKind = 'month' | 'quarter';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export function isPeriod(text: unknown): text is string {
  return typeof text === 'string' && PERIOD.test(text);
}

export function periodKind(key: string): PeriodKind {
  return key.includes('Q') ? 'quarter' : 'month';
}

function parts(key: string): { year: number; index: number; kind: PeriodKind } {
  const m = PERIOD.exec(key);
  if (!m) throw new Error(`not a period: ${key}`);
  return m[2] ? { year: Number(m[1]), index: Number(m[2]), kind: 'month' } : { year: Number(m[1]), index: Number(m[3]), kind: 'quarter' };
}

function keyOf(kind: PeriodKind, year: number, index: number): string {
  return kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
}

/** The month or quarter `today` (UTC) falls in. */
export function currentPeriod(kind: PeriodKind, today = new Date()): string {
  const month = today.getUTCMonth() + 1;
  return keyOf(kind, today.getUTCFullYear(), kind === 'month' ? month : Math.floor((month - 1) / 3) + 1);
}

/** The period `delta` months or quarters away. */
export function shiftPeriod(key: string, delta: number): string {
  const { year, index, kind } = parts(key);
  const perYear = kind === 'month' ? 12 : 4;
  const n = year * perYear + (index - 1) + delta;
  return keyOf(kind, Math.floor(n / perYear), (n % perYear) + 1);
}

/** The same moment as the other kind: the quarter a month is in, or a quarter's first month. */
export function switchKind(key: string, kind: PeriodKind): string {
  const p = parts(key);
  if (p.kind === kind) return key;
  return kind === 'quarter' ? keyOf('quarter', p.year, Math.floor((p.index - 1) / 3) + 1) : keyOf('month', p.year, (p.index - 1) * 3 + 1);
}

/** The months of a quarter (a month: itself). */
export function monthsOf(key: string): string[] {
  const p = parts(key);
  if (p.kind === 'month') return [key];
  return [0, 1, 2].map((i) => keyOf('month', p.year, (p.index - 1) * 3 + 1 + i));
}

/** "Q4 2026" or "November 2026". */
export function periodLabel(key: string): string {
  const { year, index, kind } = parts(key);
  return kind === 'month' ? `${MONTHS[index - 1]} ${year}` : `Q${index} ${year}`;
}

/** Chart axis labels: "Nov '26" or "Q4 '26". */
export function shortPeriodLabel(key: string): string {
  const { year, index, kind } = parts(key);
  const yy = `'${String(year).slice(2)}`;
  return kind === 'month' ? `${MONTHS[index - 1].slice(0, 3)} ${yy}` : `Q${index} ${yy}`;
}

/** Axis labels for a run of periods: the year only where it starts (and on the first), so a year of months fits. */
export function axisLabels(keys: string[]): string[] {
  return keys.map((key, i) => {
    const { index, kind } = parts(key);
    return i === 0 || index === 1 || kind === 'quarter' ? shortPeriodLabel(key) : MONTHS[index - 1].slice(0, 3);
  });
}

export const RANGE_PRESETS = {
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
  ytd: 'This year',
  'last-year': 'Last year',
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The days a preset covers; the rolling ones end today and start on the first of a month. */
export function presetRange(preset: RangePreset, today = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  switch (preset) {
    case '6m':
      return { from: day(new Date(Date.UTC(y, m - 5, 1))), to: day(today) };
    case '12m':
      return { from: day(new Date(Date.UTC(y, m - 11, 1))), to: day(today) };
    case 'ytd':
      return { from: `${y}-01-01`, to: day(today) };
    case 'last-year':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
  }
}
