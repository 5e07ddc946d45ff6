// The composer refuses what the server would refuse, before sending, and sends each type's fields.
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { createBody, duePresets, initialValues, validate, type ComposerValues } from './composer-values.ts';
import { formatDuration, parseDuration } from './activity-labels.ts';

const base = (type: ComposerValues['type'], patch: Partial<ComposerValues> = {}): ComposerValues => ({
  ...initialValues(type, 'me', { contactId: 'c1' }),
  ...patch,
});

describe('activity composer values', () => {
  it('needs a subject on tasks and meetings only', () => {
    expect(validate(base('task'))).toEqual({ subject: 'Say what needs doing' });
    expect(validate(base('meeting'))).toEqual({ subject: 'Give the meeting a title' });
    expect(validate(base('call'))).toEqual({});
    expect(validate(base('email'))).toEqual({});
  });

  it('wants a meeting to end after it starts', () => {
    const v = base('meeting', { subject: 'Demo', startsAt: '2026-06-10 10:00:00', endsAt: '2026-06-10 09:30:00' });
    expect(validate(v)).toEqual({ endsAt: 'Ends before it starts' });
    expect(validate({ ...v, startsAt: null })).toEqual({ startsAt: 'Pick when it starts' });
  });

  it('reads call durations as minutes or m:ss', () => {
    expect(parseDuration('5')).toBe(300);
    expect(parseDuration('4:30')).toBe(270);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('soon')).toBeNull();
    expect(formatDuration(270)).toBe('4:30');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(validate(base('call', { durationSeconds: 'a while' }))).toEqual({ durationSeconds: 'Use minutes (5) or m:ss (4:30)' });
  });

  it('checks email addresses', () => {
    expect(validate(base('email', { toAddresses: ['ok@example.com', 'nope'] }))).toEqual({ toAddresses: 'nope is not an email address' });
    expect(validate(base('email', { fromAddress: 'me' }))).toEqual({ fromAddress: 'Not an email address' });
  });

  it('sends only the fields of the chosen type, times in UTC', () => {
    const local = '2026-06-10 15:00:00';
    expect(createBody(base('task', { subject: ' Send proposal ', dueAt: local }), { contactId: 'c1' })).toEqual({
      type: 'task',
      contactId: 'c1',
      subject: 'Send proposal',
      body: null,
      assigneeId: 'me',
      dueAt: dayjs(local).toISOString(),
      priority: 'normal',
    });
    expect(createBody(base('call', { outcome: 'connected', durationSeconds: '2:00' }), { accountId: 'a1' })).toEqual({
      type: 'call',
      accountId: 'a1',
      subject: null,
      body: null,
      assigneeId: 'me',
      outcome: 'connected',
      direction: 'outbound',
      durationSeconds: 120,
    });
    // a new meeting on a contact starts with that contact attending, at the next full hour
    const meeting = initialValues('meeting', 'me', { contactId: 'c1' });
    expect(meeting.attendeeContactIds).toEqual(['c1']);
    expect(dayjs(meeting.startsAt).minute()).toBe(0);
  });

  it('offers due dates ahead of now', () => {
    const monday9am = dayjs('2026-06-08T09:00:00');
    const labels = duePresets(monday9am).map((p) => p.label);
    expect(labels).toEqual(['Today 5 PM', 'Tomorrow 9 AM', 'Next Monday', 'In a week']);
    expect(duePresets(monday9am)[2].value).toBe('2026-06-15 09:00:00');
    expect(duePresets(dayjs('2026-06-08T18:00:00')).map((p) => p.label)).not.toContain('Today 5 PM');
  });
});
