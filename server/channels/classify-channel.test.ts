// The default channel grouping on plain inputs: what a marketer would expect each kind of link to be
// counted as, plus the rule engine itself (order, conditions, patterns).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyTouch, DEFAULT_CHANNEL_RULES, explainTouch, wildcardMatch, type TouchInput } from './classify-channel.ts';
import type { ChannelRule } from './channel-rules.schemas.ts';

const SITE = 'https://www.acme.com/pricing';

function touch(landingUrl: string | null, referrer: string | null = null, extra: Partial<TouchInput> = {}): TouchInput {
  return { kind: 'visit', landingUrl, referrer, utm: {}, clickIds: {}, ...extra };
}
const channelOf = (input: TouchInput, own?: string[]) => classifyTouch(DEFAULT_CHANNEL_RULES, input, own).channel;

describe('default channel rules', () => {
  it.each([
    ['?utm_source=google&utm_medium=cpc', 'Paid Search'],
    ['?utm_source=bing&utm_medium=ppc', 'Paid Search'],
    ['?utm_source=Google&utm_medium=Paid-Search', 'Paid Search'],
    ['?utm_source=facebook&utm_medium=paid_social', 'Paid Social'],
    ['?utm_source=linkedin&utm_medium=cpc', 'Paid Social'],
    ['?utm_source=fb&utm_medium=retargeting', 'Paid Social'],
    ['?utm_source=capterra&utm_medium=cpc', 'Paid Other'],
    ['?utm_source=gdn&utm_medium=display', 'Display'],
    ['?utm_source=dv360&utm_medium=cpm', 'Display'],
    ['?utm_source=newsletter&utm_medium=email', 'Email'],
    ['?utm_source=newsletter', 'Email'],
    ['?utm_medium=e-mail&utm_campaign=launch', 'Email'],
    ['?utm_source=partnerstack&utm_medium=affiliate', 'Affiliates'],
    ['?utm_source=saastr&utm_medium=conference', 'Events'],
    ['?utm_source=booth&utm_medium=trade-show', 'Events'],
    ['?utm_source=twilio&utm_medium=sms', 'SMS'],
    ['?utm_source=google&utm_medium=organic', 'Organic Search'],
    ['?utm_source=linkedin&utm_medium=social', 'Organic Social'],
    ['?utm_source=mastodon.social', 'Organic Social'],
    ['?utm_source=blog&utm_medium=referral', 'Referral'],
    ['?utm_source=podcast&utm_medium=audio', 'Other'],
  ])('%s → %s', (query, channel) => {
    expect(channelOf(touch(SITE + query))).toBe(channel);
  });

  it.each([
    ['https://www.google.com/', 'Organic Search', 'google', 'organic'],
    ['https://www.google.co.uk/search?q=crm', 'Organic Search', 'google', 'organic'],
    ['https://duckduckgo.com/', 'Organic Search', 'duckduckgo', 'organic'],
    ['https://search.yahoo.com/search?p=crm', 'Organic Search', 'yahoo', 'organic'],
    ['android-app://com.google.android.googlequicksearchbox/', 'Organic Search', 'google', 'organic'],
    ['https://l.facebook.com/l.php?u=x', 'Organic Social', 'facebook', 'social'],
    ['https://t.co/abc', 'Organic Social', 'twitter', 'social'],
    ['https://www.linkedin.com/feed/', 'Organic Social', 'linkedin', 'social'],
    ['https://news.ycombinator.com/item?id=1', 'Organic Social', 'hacker news', 'social'],
    ['https://mail.google.com/mail/u/0/', 'Email', 'gmail', 'email'],
    ['https://outlook.live.com/', 'Email', 'outlook', 'email'],
    ['https://docs.google.com/document/d/1', 'Referral', 'google docs', 'referral'],
    ['https://www.g2.com/products/acme', 'Referral', 'g2.com', 'referral'],
    ['https://blog.example.org/best-crm', 'Referral', 'blog.example.org', 'referral'],
  ])('referrer %s → %s (source %s, medium %s)', (referrer, channel, source, medium) => {
    expect(classifyTouch(DEFAULT_CHANNEL_RULES, touch(SITE, referrer))).toMatchObject({ channel, source, medium });
  });

  it('counts a visit with no tags and no referrer as direct, with no source or medium', () => {
    expect(classifyTouch(DEFAULT_CHANNEL_RULES, touch(SITE))).toEqual({
      channel: 'Direct',
      source: null,
      medium: null,
      campaign: null,
      content: null,
      term: null,
      clickIdType: null,
    });
    expect(channelOf(touch(null, null))).toBe('Direct');
  });

  it('treats referrers from the site itself or its own domains as direct', () => {
    expect(channelOf(touch(SITE, 'https://www.acme.com/blog/post'))).toBe('Direct');
    expect(channelOf(touch(SITE, 'https://acme.com/'))).toBe('Direct');
    expect(channelOf(touch(SITE, 'https://app.acme.com/login'))).toBe('Direct');
    expect(channelOf(touch('https://acme.com/', 'https://acme.io/'))).toBe('Referral');
    expect(channelOf(touch('https://acme.com/', 'https://acme.io/'), ['acme.io'])).toBe('Direct');
    expect(channelOf(touch(SITE, 'https://checkout.stripe.com/pay'), ['stripe.com', 'acme.com'])).toBe('Direct');
  });

  it('reads ad click ids when there are no UTM tags', () => {
    expect(classifyTouch(DEFAULT_CHANNEL_RULES, touch(`${SITE}?gclid=abc123`))).toMatchObject({
      channel: 'Paid Search',
      source: 'google',
      medium: 'cpc',
      clickIdType: 'gclid',
    });
    expect(channelOf(touch(`${SITE}?msclkid=x`))).toBe('Paid Search');
    expect(channelOf(touch(`${SITE}?wbraid=x`))).toBe('Paid Search');
    expect(channelOf(touch(`${SITE}?dclid=x`))).toBe('Display');
    for (const id of ['fbclid', 'li_fat_id', 'ttclid', 'twclid']) {
      expect(channelOf(touch(`${SITE}?${id}=x`, 'https://l.facebook.com/')), id).toBe('Paid Social');
    }
    // click ids passed separately count the same
    expect(classifyTouch(DEFAULT_CHANNEL_RULES, touch(SITE, null, { kind: 'ad_click', clickIds: { li_fat_id: 'z' } }))).toMatchObject({
      channel: 'Paid Social',
      source: 'linkedin',
      clickIdType: 'li_fat_id',
    });
  });

  it('lets UTM tags overrule a click id, but keeps the click id type', () => {
    const result = classifyTouch(DEFAULT_CHANNEL_RULES, touch(`${SITE}?fbclid=x&utm_source=facebook&utm_medium=social`));
    expect(result).toMatchObject({ channel: 'Organic Social', source: 'facebook', medium: 'social', clickIdType: 'fbclid' });
    expect(channelOf(touch(`${SITE}?gclid=x&utm_source=newsletter&utm_medium=email`))).toBe('Email');
  });

  it('lets UTM tags overrule the referrer', () => {
    expect(channelOf(touch(`${SITE}?utm_source=linkedin&utm_medium=paid`, 'https://www.google.com/'))).toBe('Paid Social');
  });

  it('a campaign tag alone does not hide the referrer', () => {
    expect(classifyTouch(DEFAULT_CHANNEL_RULES, touch(`${SITE}?utm_campaign=Spring+Launch`, 'https://www.bing.com/'))).toMatchObject({
      channel: 'Organic Search',
      campaign: 'Spring Launch',
    });
  });

  it('counts clicks in Tandem emails as email whatever the link says', () => {
    expect(channelOf(touch(`${SITE}?utm_source=google&utm_medium=cpc`, null, { kind: 'email_click' }))).toBe('Email');
  });

  it('prefers explicit UTM values over the URL, and normalises them', () => {
    const result = classifyTouch(
      DEFAULT_CHANNEL_RULES,
      touch(`${SITE}?utm_source=ignored&utm_medium=ignored&utm_term=crm`, null, {
        utm: { source: '  LinkedIn ', medium: 'CPC', campaign: '  Q4 ABM  ', content: '', term: null },
      }),
    );
    expect(result).toEqual({
      channel: 'Paid Social',
      source: 'linkedin',
      medium: 'cpc',
      campaign: 'Q4 ABM',
      content: null,
      term: 'crm',
      clickIdType: null,
    });
  });

  it('copes with malformed URLs and oversized values', () => {
    expect(channelOf(touch('not a url', 'also not a url'))).toBe('Direct');
    const long = classifyTouch(DEFAULT_CHANNEL_RULES, touch(`${SITE}?utm_source=${'a'.repeat(5000)}&utm_medium=email`));
    expect(long.source).toHaveLength(500);
    expect(long.channel).toBe('Email');
  });
});

describe('CHANNELS.md', () => {
  it('documents the default rules in their order', () => {
    const doc = fs.readFileSync(new URL('./CHANNELS.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| (\d+)\s+\| ([^|]+?)\s+\|/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(rows).toEqual(DEFAULT_CHANNEL_RULES.map((r, i) => [i + 1, r.channel]));
  });
});

describe('rule engine', () => {
  const rules: ChannelRule[] = [
    { channel: 'Partners', conditions: [{ field: 'source', operator: 'matches', values: ['partner-*', '*.partners.io'] }] },
    {
      channel: 'Webinars',
      conditions: [
        { field: 'campaign', operator: 'matches', values: ['webinar*'] },
        { field: 'medium', operator: 'does_not_match', values: ['email'] },
      ],
    },
    { channel: 'Tagged', conditions: [{ field: 'campaign', operator: 'is_set', values: [] }] },
    { channel: 'Everything else', conditions: [] },
  ];

  it('uses the first rule whose conditions all hold, and says which', () => {
    const explained = explainTouch(rules, touch(`${SITE}?utm_source=partner-acme&utm_campaign=webinar-q1`));
    expect(explained.result.channel).toBe('Partners');
    expect(explained.matchedRule).toBe(0);
    expect(explainTouch(rules, touch(`${SITE}?utm_source=x&utm_campaign=Webinar-Q1`)).matchedRule).toBe(1);
    expect(explainTouch(rules, touch(`${SITE}?utm_medium=email&utm_campaign=webinar-q1`)).result.channel).toBe('Tagged');
    expect(explainTouch(rules, touch(SITE)).result.channel).toBe('Everything else');
    expect(explainTouch(rules, touch(SITE)).fields).toMatchObject({ source: null, kind: 'visit', campaign: null });
  });

  it('falls back to Other when no rule matches', () => {
    const explained = explainTouch([rules[0]!], touch(SITE));
    expect(explained.result.channel).toBe('Other');
    expect(explained.matchedRule).toBeNull();
  });

  it('matches rules on the referrer domain and the touch kind', () => {
    const custom: ChannelRule[] = [
      { channel: 'Review sites', conditions: [{ field: 'referrer_domain', operator: 'matches', values: ['g2.com', '*capterra.com'] }] },
      { channel: 'Forms', conditions: [{ field: 'kind', operator: 'matches', values: ['form'] }] },
    ];
    expect(classifyTouch(custom, touch(SITE, 'https://www.capterra.com/p/1')).channel).toBe('Review sites');
    expect(classifyTouch(custom, touch(SITE, null, { kind: 'form' })).channel).toBe('Forms');
  });
});

describe('wildcardMatch', () => {
  it.each([
    ['cpc', 'CPC', true],
    ['*cp*', 'cpc', true],
    ['*cp*', 'paid-cpm', true],
    ['*cp*', 'email', false],
    ['paid*', 'paid', true],
    ['paid*', 'unpaid', false],
    ['trade*show', 'trade-show', true],
    ['trade*show', 'tradeshows', false],
    ['a*b*c', 'aXbYc', true],
    ['', '', true],
    ['*', '', true],
    ['a.b', 'axb', false],
  ])('%s ~ %s = %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('stays fast on patterns that would make a regular expression backtrack', () => {
    const started = performance.now();
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(500))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
