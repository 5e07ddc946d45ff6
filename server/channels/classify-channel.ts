// Channel classification of a touch: pure, no I/O. Two steps:
//  1. derive source/medium/campaign/... from the first of these that is present: UTM parameters,
//     an ad click id (gclid → google/cpc, fbclid → facebook/paid, ...), an outside referrer (a known
//     search engine → organic, a social network → social, webmail → email, other sites → referral);
//     none of them means direct (source and medium stay null). Referrers from the landing page's own
//     host or from `ownDomains` count as no referrer (internal navigation, payment-page returns).
//  2. walk the ordered rules; the first whose conditions all hold names the channel.
// CHANNELS.md documents both for users.
import type { ChannelRule, RuleCondition, RuleField, SourceCategory } from './channel-rules.schemas.ts';
import { DEFAULT_CHANNEL_RULES, FALLBACK_CHANNEL } from './default-channel-rules.ts';
import { findKnownSource } from './known-sources.ts';

export { DEFAULT_CHANNEL_RULES, FALLBACK_CHANNEL };
export type { ChannelRule };

export type TouchKind = 'visit' | 'form' | 'email_click' | 'ad_click';

export interface TouchInput {
  kind: TouchKind;
  /** Full URL; UTM and click ids are read from its query when not given below. */
  landingUrl: string | null;
  referrer: string | null;
  utm: { source?: string | null; medium?: string | null; campaign?: string | null; content?: string | null; term?: string | null };
  clickIds: Record<string, string>;
}

export interface Classified {
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  clickIdType: string | null;
}

/** What rules are matched against; also shown by the rule tester. */
export type RuleFields = Record<RuleField, string | null>;

/** Click ids ad platforms append, in priority order, with the source/medium they imply. */
export const CLICK_IDS: Array<{ param: string; source: string; medium: string }> = [
  { param: 'gclid', source: 'google', medium: 'cpc' },
  { param: 'gbraid', source: 'google', medium: 'cpc' },
  { param: 'wbraid', source: 'google', medium: 'cpc' },
  { param: 'dclid', source: 'google', medium: 'display' },
  { param: 'msclkid', source: 'bing', medium: 'cpc' },
  { param: 'yclid', source: 'yandex', medium: 'cpc' },
  { param: 'fbclid', source: 'facebook', medium: 'paid' },
  { param: 'li_fat_id', source: 'linkedin', medium: 'paid' },
  { param: 'ttclid', source: 'tiktok', medium: 'paid' },
  { param: 'twclid', source: 'twitter', medium: 'paid' },
  { param: 'sccid', source: 'snapchat', medium: 'paid' },
  { param: 'epik', source: 'pinterest', medium: 'paid' },
  { param: 'rdt_cid', source: 'reddit', medium: 'paid' },
];

const MAX_VALUE = 500;

export function classifyTouch(rules: ChannelRule[], input: TouchInput, ownDomains: string[] = []): Classified {
  return explainTouch(rules, input, ownDomains).result;
}

/** classifyTouch, plus which rule matched and the values it saw (for the rule tester). */
export function explainTouch(
  rules: ChannelRule[],
  input: TouchInput,
  ownDomains: string[] = [],
): { result: Classified; matchedRule: number | null; fields: RuleFields } {
  const landing = parseUrl(input.landingUrl);
  const query = landing?.searchParams;
  const utm = (key: keyof TouchInput['utm']) => clean(input.utm[key] ?? query?.get(`utm_${key}`) ?? null);

  const clickIdType = findClickId(input.clickIds, query);
  const referrerHost = outsideReferrerHost(input.referrer, landing?.hostname ?? null, ownDomains);

  let source = utm('source')?.toLowerCase() ?? null;
  let medium = utm('medium')?.toLowerCase() ?? null;
  if (!source && !medium) {
    const click = CLICK_IDS.find((c) => c.param === clickIdType);
    if (click) {
      source = click.source;
      medium = click.medium;
    } else if (referrerHost) {
      const known = findKnownSource(referrerHost);
      source = known?.source ?? referrerHost;
      medium = referrerMedium(known?.category ?? null);
    }
  }

  const fields: RuleFields = {
    source,
    medium,
    campaign: utm('campaign'),
    content: utm('content'),
    term: utm('term'),
    source_category: source ? (findKnownSource(source)?.category ?? null) : null,
    referrer_domain: referrerHost,
    click_id: clickIdType,
    kind: input.kind,
  };
  const { channel, matchedRule } = matchRules(rules, fields);
  return {
    result: {
      channel,
      source,
      medium,
      campaign: fields.campaign,
      content: fields.content,
      term: fields.term,
      clickIdType,
    },
    matchedRule,
    fields,
  };
}

/** What the rules see for a touch already stored (source and medium were derived when it was recorded). */
export function storedTouchFields(t: {
  kind: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  referrer: string | null;
  landingPage: string | null;
  clickIdType: string | null;
}): RuleFields {
  return {
    source: t.source,
    medium: t.medium,
    campaign: t.campaign,
    content: t.content,
    term: t.term,
    source_category: t.source ? (findKnownSource(t.source)?.category ?? null) : null,
    referrer_domain: outsideReferrerHost(t.referrer, parseUrl(t.landingPage)?.hostname ?? null, []),
    click_id: t.clickIdType,
    kind: t.kind,
  };
}

/** Step 2 alone: the channel for already-derived fields (reclassifying stored touches uses it). */
export function matchRules(rules: ChannelRule[], fields: RuleFields): { channel: string; matchedRule: number | null } {
  const index = rules.findIndex((rule) => rule.conditions.every((c) => conditionHolds(c, fields[c.field])));
  return index === -1 ? { channel: FALLBACK_CHANNEL, matchedRule: null } : { channel: rules[index]!.channel, matchedRule: index };
}

function conditionHolds(condition: RuleCondition, value: string | null): boolean {
  switch (condition.operator) {
    case 'is_set':
      return value !== null;
    case 'is_not_set':
      return value === null;
    case 'matches':
      return value !== null && condition.values.some((p) => wildcardMatch(p, value));
    case 'does_not_match':
      return value === null || !condition.values.some((p) => wildcardMatch(p, value));
  }
}

/**
 * Case-insensitive match of a whole value against a pattern where `*` is any run of characters.
 * Greedy with one backtrack point (the last star), so it runs in O(pattern × value) at worst,
 * whatever the pattern; a regular expression built from user input could backtrack exponentially.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let pi = 0;
  let vi = 0;
  let star = -1;
  let starV = 0;
  while (vi < v.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === v[vi]) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      starV = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++starV;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

function referrerMedium(category: SourceCategory | null): string {
  if (category === 'search') return 'organic';
  if (category === 'social') return 'social';
  if (category === 'email') return 'email';
  return 'referral';
}

function findClickId(given: Record<string, string>, query: URLSearchParams | undefined): string | null {
  const present = (param: string) =>
    Object.entries(given).some(([k, v]) => k.toLowerCase() === param && v.trim() !== '') ||
    Boolean(query && [...query.keys()].some((k) => k.toLowerCase() === param && query.get(k)?.trim()));
  const known = CLICK_IDS.find((c) => present(c.param));
  if (known) return known.param;
  // an id this table does not know still counts as an ad click, with no implied source
  const other = Object.entries(given).find(([, v]) => v.trim() !== '');
  return other ? clean(other[0].toLowerCase()) : null;
}

/** The referrer's host (without "www."), unless it is the site itself. */
function outsideReferrerHost(referrer: string | null, landingHost: string | null, ownDomains: string[]): string | null {
  const url = parseUrl(referrer);
  if (!url || !url.hostname) return null;
  const host = stripWww(url.hostname.toLowerCase());
  const own = [...ownDomains, ...(landingHost ? [landingHost] : [])].map((d) => stripWww(d.trim().toLowerCase()));
  if (own.some((d) => d !== '' && (host === d || host.endsWith(`.${d}`)))) return null;
  return host;
}

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

function parseUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

function clean(value: string | null): string | null {
  const v = value?.trim();
  return v ? v.slice(0, MAX_VALUE) : null;
}
