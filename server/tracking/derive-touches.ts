// Which events are marketing touches, classified by the workspace's channel rules. Pure.
//  - the page view that opens a visit → `visit` (or `ad_click` when its URL carries an ad click id)
//  - any later page view with an ad click id → `ad_click` (a second ad click within one visit)
//  - `Form Submitted` → `form`, `Email Link Clicked` → `email_click`
import { classifyTouch, CLICK_IDS, type ChannelRule, type TouchKind } from '../channels/classify-channel.ts';
import { asRecord, asText, campaignOf, EMAIL_LINK_CLICKED, FORM_SUBMITTED, pageOf, type TrackedEvent } from './tracked-event.ts';

export interface TouchRow {
  contact_id: string | null;
  anonymous_id: string | null;
  user_id: string | null;
  occurred_at: string;
  kind: TouchKind;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  landing_page: string | null;
  referrer: string | null;
  click_id_type: string | null;
  event_id: string;
  visit_id: string | null;
}

export interface StoredEvent {
  id: string;
  event: TrackedEvent;
  contactId: string | null;
  visitId: string | null;
  /** Opened a visit. */
  entry: boolean;
}

const CLICK_ID_IN_URL = new RegExp(`[?&#](${CLICK_IDS.map((c) => c.param).join('|')})=[^&#]`, 'i');

function touchKind(s: StoredEvent): TouchKind | null {
  const e = s.event;
  if (e.type === 'track') {
    if (e.event === FORM_SUBMITTED) return 'form';
    if (e.event === EMAIL_LINK_CLICKED) return 'email_click';
    return null;
  }
  if (e.type !== 'page') return null;
  const url = pageOf(e).url;
  const clicked = !!url && CLICK_ID_IN_URL.test(url);
  if (clicked) return 'ad_click';
  return s.entry ? 'visit' : null;
}

export function deriveTouches(events: StoredEvent[], rules: ChannelRule[]): TouchRow[] {
  const touches: TouchRow[] = [];
  for (const s of events) {
    const kind = touchKind(s);
    if (!kind) continue;
    const e = s.event;
    const page = pageOf(e);
    // an email click names the link it followed; a form its page
    const landing = kind === 'email_click' ? (asText(e.properties.url) ?? asText(e.properties.link) ?? page.url) : page.url;
    const c = classifyTouch(rules, { kind, landingUrl: landing, referrer: page.referrer, utm: utmOf(e, kind), clickIds: {} });
    touches.push({
      contact_id: s.contactId,
      anonymous_id: e.anonymousId,
      user_id: e.userId,
      occurred_at: e.timestamp,
      kind,
      channel: c.channel,
      source: c.source,
      medium: c.medium,
      campaign: c.campaign,
      content: c.content,
      term: c.term,
      landing_page: landing,
      referrer: page.referrer,
      click_id_type: c.clickIdType,
      event_id: s.id,
      visit_id: s.visitId,
    });
  }
  return touches;
}

/** UTMs: context.campaign as Segment's libraries send it; an email click may name them in properties. */
function utmOf(e: TrackedEvent, kind: TouchKind) {
  const utm = campaignOf(e);
  if (kind !== 'email_click') return utm;
  const p = asRecord(e.properties);
  return {
    source: utm.source ?? asText(p.utm_source),
    medium: utm.medium ?? asText(p.utm_medium),
    campaign: utm.campaign ?? asText(p.utm_campaign) ?? asText(p.campaign),
    content: utm.content ?? asText(p.utm_content),
    term: utm.term ?? asText(p.utm_term),
  };
}
