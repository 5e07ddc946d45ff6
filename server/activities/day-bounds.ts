// Where "today" starts and ends for someone in a given time zone. Computed here (Intl) rather than
// in SQL, so both engines agree and a DST change day has its real 23 or 25 hours. Pure.

/** True when `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in a zone. */
function wallClock(t: number, tz: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at instant t, in ms. */
function offsetAt(t: number, tz: string): number {
  const w = wallClock(t, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(t / 1000) * 1000;
}

/** The instant a local date's midnight happens in the zone (the first instant of that date). */
function localMidnight(y: number, m: number, d: number, tz: string): number {
  const naive = Date.UTC(y, m - 1, d);
  let t = naive - offsetAt(naive, tz);
  // the offset at midnight can differ from the offset at the naive guess (a DST change that night)
  t = naive - offsetAt(t, tz);
  // where midnight does not exist (clocks jump from 23:59 to 01:00), the day starts at the jump
  const w = wallClock(t, tz);
  if (w.d !== d) t += 3_600_000 - (w.min * 60_000 + w.s * 1000);
  return t;
}

export function dayBounds(now: Date, tz: string): { start: Date; end: Date } {
  const w = wallClock(now.getTime(), tz);
  const start = localMidnight(w.y, w.m, w.d, tz);
  const next = new Date(Date.UTC(w.y, w.m - 1, w.d + 1));
  const end = localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), tz);
  return { start: new Date(start), end: new Date(end) };
}
