// The activity composer's form: its values, the checks it runs before sending (the server runs the
// same ones and its field errors land on the same inputs), and the request body per type. Pure.
import dayjs from 'dayjs';
import type { Activity, ActivityTarget, ActivityType } from '../../queries/activities.ts';
import { formatDuration, parseDuration, type Outcome } from './activity-labels.ts';

/** Date-times are the pickers' local `YYYY-MM-DD HH:mm:ss` strings until the body is built. */
export interface ComposerValues {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: string | null;
  priority: 'low' | 'normal' | 'high';
  assigneeId: string | null;
  outcome: Outcome | null;
  direction: 'outbound' | 'inbound';
  durationSeconds: string;
  occurredAt: string | null;
  startsAt: string | null;
  endsAt: string | null;
  location: string;
  attendeeUserIds: string[];
  attendeeContactIds: string[];
  fromAddress: string;
  toAddresses: string[];
}

const PICKER = 'YYYY-MM-DD HH:mm:ss';
const toPicker = (iso: string | null | undefined) => (iso ? dayjs(iso).format(PICKER) : null);
const toIso = (local: string | null) => (local ? dayjs(local).toISOString() : null);

/** The next full hour, where a new meeting starts unless told otherwise. */
export const nextHour = (now = dayjs()) => now.add(1, 'hour').startOf('hour').format(PICKER);

export function initialValues(type: ActivityType, me: string | null, target: ActivityTarget, editing?: Activity): ComposerValues {
  if (editing) {
    return {
      type: editing.type,
      subject: editing.subject ?? '',
      body: editing.body ?? '',
      dueAt: toPicker(editing.dueAt),
      priority: editing.priority ?? 'normal',
      assigneeId: editing.assigneeId,
      outcome: editing.outcome,
      direction: editing.direction ?? 'outbound',
      durationSeconds: formatDuration(editing.durationSeconds) ?? '',
      occurredAt: editing.type === 'call' || editing.type === 'email' ? toPicker(editing.occurredAt) : null,
      startsAt: toPicker(editing.startsAt),
      endsAt: toPicker(editing.endsAt),
      location: editing.location ?? '',
      attendeeUserIds: editing.attendees.filter((a) => a.kind === 'member').map((a) => a.id),
      attendeeContactIds: editing.attendees.filter((a) => a.kind === 'contact').map((a) => a.id),
      fromAddress: editing.fromAddress ?? '',
      toAddresses: editing.toAddresses,
    };
  }
  return {
    type,
    subject: '',
    body: '',
    dueAt: null,
    priority: 'normal',
    assigneeId: me,
    outcome: null,
    direction: 'outbound',
    durationSeconds: '',
    occurredAt: null,
    startsAt: type === 'meeting' ? nextHour() : null,
    endsAt: null,
    location: '',
    attendeeUserIds: [],
    attendeeContactIds: target.contactId ? [target.contactId] : [],
    fromAddress: '',
    toAddresses: [],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field → message for what the server would refuse; empty when the form can be sent. */
export function validate(v: ComposerValues): Partial<Record<keyof ComposerValues, string>> {
  const errors: Partial<Record<keyof ComposerValues, string>> = {};
  const subject = v.subject.trim();
  if ((v.type === 'task' || v.type === 'meeting') && !subject) errors.subject = v.type === 'task' ? 'Say what needs doing' : 'Give the meeting a title';
  if (subject.length > 500) errors.subject = 'Use at most 500 characters';
  if (v.body.length > 20_000) errors.body = 'Use at most 20,000 characters';
  if (v.type === 'meeting') {
    if (!v.startsAt) errors.startsAt = 'Pick when it starts';
    else if (v.endsAt && !dayjs(v.endsAt).isAfter(dayjs(v.startsAt))) errors.endsAt = 'Ends before it starts';
  }
  if (v.type === 'call' && v.durationSeconds.trim()) {
    const seconds = parseDuration(v.durationSeconds);
    if (seconds === null) errors.durationSeconds = 'Use minutes (5) or m:ss (4:30)';
    else if (seconds > 86_400) errors.durationSeconds = 'At most a day';
  }
  if (v.type === 'email') {
    if (v.fromAddress.trim() && !EMAIL.test(v.fromAddress.trim())) errors.fromAddress = 'Not an email address';
    const bad = v.toAddresses.find((a) => !EMAIL.test(a.trim()));
    if (bad) errors.toAddresses = `${bad} is not an email address`;
  }
  return errors;
}

/** The fields of the values' type, as the API takes them (POST adds `type` and the record). */
export function toFields(v: ComposerValues): Record<string, unknown> {
  const common = { subject: v.subject.trim() || null, body: v.body.trim() || null, assigneeId: v.assigneeId };
  switch (v.type) {
    case 'task':
      return { ...common, dueAt: toIso(v.dueAt), priority: v.priority };
    case 'call':
      return {
        ...common,
        outcome: v.outcome,
        direction: v.direction,
        durationSeconds: parseDuration(v.durationSeconds),
        ...(v.occurredAt ? { occurredAt: toIso(v.occurredAt) } : {}),
      };
    case 'meeting':
      return {
        ...common,
        startsAt: toIso(v.startsAt),
        endsAt: toIso(v.endsAt),
        location: v.location.trim() || null,
        attendeeUserIds: v.attendeeUserIds,
        attendeeContactIds: v.attendeeContactIds,
      };
    case 'email':
      return {
        ...common,
        direction: v.direction,
        fromAddress: v.fromAddress.trim() || null,
        toAddresses: v.toAddresses.map((a) => a.trim()),
        ...(v.occurredAt ? { occurredAt: toIso(v.occurredAt) } : {}),
      };
  }
}

export function createBody(v: ComposerValues, target: ActivityTarget) {
  return { type: v.type, ...target, ...toFields(v) };
}

export const SUBMIT_LABELS: Record<ActivityType, string> = { task: 'Add task', call: 'Log call', meeting: 'Schedule meeting', email: 'Log email' };

/** Presets for a task's due date: later today, tomorrow morning, next Monday, in a week. */
export function duePresets(now = dayjs()): Array<{ value: string; label: string }> {
  const morning = (d: dayjs.Dayjs) => d.hour(9).minute(0).second(0).format(PICKER);
  const presets = [];
  if (now.hour() < 17) presets.push({ value: now.hour(17).minute(0).second(0).format(PICKER), label: 'Today 5 PM' });
  presets.push({ value: morning(now.add(1, 'day')), label: 'Tomorrow 9 AM' });
  presets.push({ value: morning(now.add(((8 - now.day()) % 7) || 7, 'day')), label: 'Next Monday' });
  presets.push({ value: morning(now.add(7, 'day')), label: 'In a week' });
  return presets;
}
