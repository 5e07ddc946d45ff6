// Forecast periods: calendar months (`2026-11`) and quarters (`2026-Q4`), with their first and last
// days. Pure date arithmetic on YYYY-MM-DD strings in UTC: a deal's close date is a calendar date, and
// timestamps (closed_at, created_at) are bucketed by their UTC day, the same rule the SQL applies.

export type PeriodKind = 'month' | 'quarter';

export interface Period {
  /** `2026-11` or `2026-Q4`: the form the API takes and returns. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
  /** The day after the last: the exclusive upper bound timestamps compare against. */
  endExclusive: string;
}

const PERIOD = /^((?:19|[2-9]\d)\d\d)-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;
const DAY = /^((?:19|[2-9]\d)\d\d)-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD of a UTC date. */
export function formatDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// Date.UTC overflows months and days into the next ones, which the arithmetic below relies on. (It
// maps years 0–99 to 1900–1999: periods and days before 1900 are refused.)
function utc(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

/** True for a real calendar day in YYYY-MM-DD form (not 2026-02-30). */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatDay(d) === text;
}

/** Adds whole days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDay(utc(y, m - 1, d + days));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function build(kind: PeriodKind, year: number, index: number): Period {
  const firstMonth = kind === 'month' ? index - 1 : (index - 1) * 3;
  const months = kind === 'month' ? 1 : 3;
  const start = formatDay(utc(year, firstMonth, 1));
  const endExclusive = formatDay(utc(year, firstMonth + months, 1));
  return {
    key: kind === 'month' ? `${pad(year, 4)}-${pad(index)}` : `${pad(year, 4)}-Q${index}`,
    kind,
    year,
    index,
    start,
    end: addDays(endExclusive, -1),
    endExclusive,
  };
}

/** `2026-11` or `2026-Q4` → the period; undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  return m[2] ? build('month', Number(m[1]), Number(m[2])) : build('quarter', Number(m[1]), Number(m[3]));
}

/** The month or quarter a day falls in. */
export function periodOfDay(day: string, kind: PeriodKind): Period {
  const [y, m] = day.split('-').map(Number);
  return kind === 'month' ? build('month', y, m) : build('quarter', y, Math.floor((m - 1) / 3) + 1);
}

export function nextPeriod(p: Period): Period {
  return periodOfDay(p.endExclusive, p.kind);
}

/** The months of a quarter (a month is its own single month). */
export function monthsOf(p: Period): Period[] {
  if (p.kind === 'month') return [p];
  const first = periodOfDay(p.start, 'month');
  return [first, nextPeriod(first), nextPeriod(nextPeriod(first))];
}

/** Every period of `kind` that overlaps [from, to] (days, inclusive), in order. */
export function periodsCovering(from: string, to: string, kind: PeriodKind): Period[] {
  const out: Period[] = [];
  for (let p = periodOfDay(from, kind); p.start <= to; p = nextPeriod(p)) out.push(p);
  return out;
}
