// How activities read on screen: type names, call outcomes, durations, due dates. Pure, so every
// list, the composer and My work say the same thing.
import dayjs from 'dayjs';
import type { Activity, ActivityType } from '../../queries/activities.ts';

export const TYPE_LABELS: Record<ActivityType, string> = { task: 'Task', call: 'Call', meeting: 'Meeting', email: 'Email' };
export const TYPE_COLORS: Record<ActivityType, string> = { task: 'brand', call: 'teal', meeting: 'grape', email: 'orange' };

export const OUTCOMES = [
  { value: 'connected', label: 'Connected' },
  { value: 'left_voicemail', label: 'Left voicemail' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'busy', label: 'Busy' },
  { value: 'wrong_number', label: 'Wrong number' },
  { value: 'gatekeeper', label: 'Reached a gatekeeper' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['value'];
export const OUTCOME_LABELS = Object.fromEntries(OUTCOMES.map((o) => [o.value, o.label])) as Record<Outcome, string>;

export const PRIORITIES = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
] as const;

/** 0:45, 12:05, 1:02:10 */
export function formatDuration(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined) return null;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "m:ss", "mm", "h:mm:ss" or plain minutes ("5") to seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d+$/.test(t)) return Number(t) * 60;
  const parts = t.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number).reduce((acc, n) => acc * 60 + n, 0);
}

/** "Today 3:00 PM", "Tomorrow 9:00 AM", "Mon, Jun 15", "Jun 15, 2027". */
export function formatWhen(iso: string | null | undefined, now = dayjs()): string {
  if (!iso) return 'No due date';
  const d = dayjs(iso);
  const time = d.format('h:mm A');
  if (d.isSame(now, 'day')) return `Today ${time}`;
  if (d.isSame(now.add(1, 'day'), 'day')) return `Tomorrow ${time}`;
  if (d.isSame(now.subtract(1, 'day'), 'day')) return `Yesterday ${time}`;
  if (Math.abs(d.diff(now, 'day')) < 6) return d.format('ddd h:mm A');
  return d.isSame(now, 'year') ? d.format('MMM D') : d.format('MMM D, YYYY');
}

export const isOverdue = (a: Activity, now = Date.now()): boolean => a.type === 'task' && !a.done && !!a.dueAt && Date.parse(a.dueAt) < now;

/** The line a list shows for an activity. */
export function activityHeadline(a: Activity): string {
  const who = a.contact?.name ?? a.account?.name ?? a.deal?.name ?? 'someone';
  switch (a.type) {
    case 'task':
      return a.subject ?? 'Untitled task';
    case 'meeting':
      return a.subject ?? 'Meeting';
    case 'call':
      return a.subject ?? `${a.direction === 'inbound' ? 'Call from' : 'Call with'} ${who}`;
    case 'email':
      return a.subject ?? `${a.direction === 'inbound' ? 'Email from' : 'Email to'} ${who}`;
  }
}
