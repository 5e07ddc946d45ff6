import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  foldTouches,
  formatDuration,
  groupByDay,
  hostOf,
  humanize,
  kindsToFetch,
  pathOf,
  readSession,
  readTouch,
  sourceMedium,
  sourceSummary,
  summarizeValues,
  type TimelineItem,
} from './timeline-model.ts';

const item = (kind: string, id: string, occurredAt: string, data: Record<string, unknown> = {}, contactId: string | null = 'c1'): TimelineItem => ({
  kind,
  id,
  occurredAt,
  title: `${kind} ${id}`,
  contactId,
  data,
});

describe('kindsToFetch', () => {
  it('asks for everything when no chip is on', () => {
    expect(kindsToFetch([])).toEqual({ kinds: null, looseTouches: true });
  });
  it('brings touches along with visits and form submissions, without giving them rows', () => {
    expect(kindsToFetch(['session'])).toEqual({ kinds: ['session', 'touch'], looseTouches: false });
    expect(kindsToFetch(['form_submission', 'note'])).toEqual({ kinds: ['form_submission', 'note', 'touch'], looseTouches: false });
    expect(kindsToFetch(['touch'])).toEqual({ kinds: ['touch'], looseTouches: true });
  });
  it('maps "Other events" to track events and identify calls', () => {
    expect(kindsToFetch(['event']).kinds).toEqual(['event', 'identify']);
  });
});

describe('foldTouches', () => {
  const session = item('session', 'v1', '2026-11-20T10:00:00.000Z', { pageViews: 3 });
  const entry = item('touch', 't1', '2026-11-20T10:00:00.000Z', { touchKind: 'visit', visitId: 'v1', channel: 'Paid Social', campaign: 'q4-launch' });
  const laterAdClick = item('touch', 't2', '2026-11-20T10:05:00.000Z', { touchKind: 'ad_click', visitId: 'v1', channel: 'Paid Search' });
  const form = item('form_submission', 'e1', '2026-11-20T10:06:00.000Z', { properties: { formName: 'Book a demo' } });
  const formTouch = item('touch', 't3', '2026-11-20T10:06:00.000Z', { touchKind: 'form', channel: 'Paid Social', campaign: 'q4-launch' });
  const email = item('touch', 't4', '2026-11-21T08:00:00.000Z', { touchKind: 'email_click', channel: 'Email' });

  it("folds a visit's entry touch and a form's touch into their rows; other touches stay rows", () => {
    const feed = foldTouches([email, formTouch, form, laterAdClick, entry, session]);
    expect(feed.map((e) => e.item.id)).toEqual(['t4', 'e1', 't2', 'v1']);
    expect(feed.find((e) => e.item.id === 'v1')!.touch).toMatchObject({ channel: 'Paid Social', campaign: 'q4-launch', touchKind: 'visit' });
    expect(feed.find((e) => e.item.id === 'e1')!.touch).toMatchObject({ touchKind: 'form', campaign: 'q4-launch' });
    expect(feed.find((e) => e.item.id === 't4')!.touch).toMatchObject({ channel: 'Email' });
  });

  it('drops unattached touches when touches are not asked for', () => {
    expect(foldTouches([email, form, formTouch, entry, session], false).map((e) => e.item.id)).toEqual(['e1', 'v1']);
  });

  it('keeps a touch whose session is not loaded yet (next page) as a row', () => {
    expect(foldTouches([entry]).map((e) => e.item.id)).toEqual(['t1']);
  });

  it("does not fold another contact's form touch at the same moment", () => {
    const other = item('touch', 't9', form.occurredAt, { touchKind: 'form' }, 'c2');
    expect(foldTouches([form, other]).map((e) => e.item.id)).toEqual(['e1', 't9']);
  });

  it('passes unknown kinds through untouched', () => {
    const stage = item('stage_change', 's1', '2026-11-22T00:00:00.000Z', { anything: true });
    expect(foldTouches([stage])).toEqual([{ item: stage, touch: null }]);
  });
});

describe('days', () => {
  const now = new Date(2026, 10, 25, 15, 0); // Nov 25, 2026, local time
  it('labels today, yesterday, this year and earlier years', () => {
    expect(dayLabel(new Date(2026, 10, 25, 0, 5).toISOString(), now)).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 24, 23, 59).toISOString(), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 3, 12).toISOString(), now)).toBe('Tuesday, Nov 3');
    expect(dayLabel(new Date(2025, 0, 9, 12).toISOString(), now)).toBe('Jan 9, 2025');
  });
  it('groups consecutive entries of a day', () => {
    const at = [new Date(2026, 10, 25, 14), new Date(2026, 10, 25, 9), new Date(2026, 10, 20, 9)].map((d) => d.toISOString());
    const groups = groupByDay(at, (s) => s, now);
    expect(groups.map((g) => [g.label, g.entries.length])).toEqual([
      ['Today', 2],
      ['Friday, Nov 20', 1],
    ]);
  });
});

describe('texts', () => {
  it('shows paths without campaign tags and click ids', () => {
    expect(pathOf('https://acme.test/pricing?utm_source=linkedin&utm_medium=paid_social&plan=pro&gclid=x')).toBe('/pricing?plan=pro');
    expect(pathOf('https://acme.test')).toBe('/');
    expect(pathOf('not a url')).toBe('not a url');
    expect(pathOf(null)).toBe('an unknown page');
  });
  it('names referrers by host', () => {
    expect(hostOf('https://www.linkedin.com/feed/')).toBe('linkedin.com');
    expect(hostOf(null)).toBeNull();
  });
  it('says how long a visit lasted', () => {
    expect(formatDuration('2026-11-20T10:00:00Z', '2026-11-20T10:00:20Z')).toBe('under a minute');
    expect(formatDuration('2026-11-20T10:00:00Z', '2026-11-20T10:12:00Z')).toBe('12 min');
    expect(formatDuration('2026-11-20T10:00:00Z', '2026-11-20T11:20:00Z')).toBe('1 h 20 min');
    expect(formatDuration('2026-11-20T10:00:00Z', null)).toBeNull();
  });
  it('summarises a source the way marketers say it', () => {
    expect(sourceSummary({ channel: 'Paid Search', campaign: 'q1-webinar-series', source: 'google' })).toBe('Paid Search · q1-webinar-series');
    expect(sourceSummary({ channel: 'Referral', campaign: null, source: 'g2.com' })).toBe('Referral · g2.com');
    expect(sourceSummary({ channel: 'Direct', campaign: null, source: null })).toBe('Direct');
    expect(sourceMedium({ source: 'linkedin', medium: 'paid_social' })).toBe('linkedin / paid_social');
    expect(sourceMedium({ source: null, medium: null })).toBeNull();
  });
  it('lists values with labels, blanks left out, the rest counted', () => {
    const { pairs, more } = summarizeValues(
      { email: 'ada@acme.test', firstName: 'Ada', newsletter: true, 'customFields.seats': 12, interests: ['robots', 'arms'], phone: '' },
      { labels: new Map([['email', 'Work email']]), max: 4 },
    );
    expect(pairs.map((p) => `${p.label}: ${p.value}`)).toEqual(['Work email: ada@acme.test', 'First name: Ada', 'Newsletter: Yes', 'Seats: 12']);
    expect(more).toBe(1);
    const ordered = summarizeValues({ company: 'Acme', email: 'a@acme.test', firstName: 'Ada' }, { labels: new Map([['email', 'Work email'], ['firstName', 'First name']]) });
    expect(ordered.pairs.map((p) => p.key)).toEqual(['email', 'firstName', 'company']);
    expect(humanize('utm_campaign')).toBe('Utm campaign');
  });
  it('reads data defensively', () => {
    expect(readSession({})).toEqual({ pageViews: 0, endedAt: null, landingPage: null, referrer: null, pages: [] });
    expect(readTouch({ kind: 'ad_click', channel: 'Paid Search' })).toMatchObject({ touchKind: 'ad_click', channel: 'Paid Search', campaign: null });
  });
});
