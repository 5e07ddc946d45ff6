// The rules a workspace starts with, modelled on GA4's default channel grouping and documented in
// server/channels/CHANNELS.md (keep the two in step). First match wins, so paid rules come before
// organic ones, and the catch-alls (organic search/social by source, referral) come last.
import type { ChannelRule, RuleCondition, RuleField } from './channel-rules.schemas.ts';

const is = (field: RuleField, ...values: string[]): RuleCondition => ({ field, operator: 'matches', values });
const notSet = (field: RuleField): RuleCondition => ({ field, operator: 'is_not_set', values: [] });

const PAID_MEDIUMS = ['*cp*', 'ppc', 'retargeting', 'paid*'];
const EMAIL_WORDS = ['email', 'e-mail', 'e_mail', 'e mail', 'newsletter'];
const SOCIAL_MEDIUMS = ['social', 'social-network', 'social-media', 'social_media', 'social network', 'social media', 'sm'];

export const FALLBACK_CHANNEL = 'Other';

/** Channel names with what they mean, in the order the UI lists them. */
export const BUILT_IN_CHANNELS: Array<{ name: string; description: string }> = [
  { name: 'Direct', description: 'No campaign tags, click id or outside referrer: typed, bookmarked or untracked links.' },
  { name: 'Paid Search', description: 'Ads on search engines (Google Ads, Microsoft Ads).' },
  { name: 'Paid Social', description: 'Ads on social networks (Meta, LinkedIn, TikTok, X).' },
  { name: 'Display', description: 'Banner and programmatic display ads.' },
  { name: 'Paid Other', description: 'Paid traffic from a source that is neither a search engine nor a social network.' },
  { name: 'Email', description: 'Email campaigns, newsletters and clicks from webmail.' },
  { name: 'Affiliates', description: 'Affiliate and partner links.' },
  { name: 'Events', description: 'Conferences, trade shows, webinars and meetups.' },
  { name: 'SMS', description: 'Text message campaigns.' },
  { name: 'Organic Search', description: 'Unpaid results from search engines.' },
  { name: 'Organic Social', description: 'Unpaid posts and shares on social networks.' },
  { name: 'Referral', description: 'Links from other websites.' },
  { name: FALLBACK_CHANNEL, description: 'Tagged traffic that no rule recognises.' },
];

export const DEFAULT_CHANNEL_RULES: ChannelRule[] = [
  { channel: 'Email', conditions: [is('kind', 'email_click')] },
  { channel: 'Direct', conditions: [notSet('source'), notSet('medium')] },
  { channel: 'Display', conditions: [is('medium', 'display', 'banner', 'expandable', 'interstitial', 'cpm')] },
  { channel: 'Paid Search', conditions: [is('source_category', 'search'), is('medium', ...PAID_MEDIUMS)] },
  { channel: 'Paid Social', conditions: [is('source_category', 'social'), is('medium', ...PAID_MEDIUMS)] },
  { channel: 'Paid Other', conditions: [is('medium', ...PAID_MEDIUMS)] },
  { channel: 'Email', conditions: [is('medium', ...EMAIL_WORDS)] },
  { channel: 'Email', conditions: [is('source', ...EMAIL_WORDS)] },
  { channel: 'Email', conditions: [is('source_category', 'email')] },
  { channel: 'Affiliates', conditions: [is('medium', 'affiliate', 'affiliates', 'partner', 'partners')] },
  { channel: 'Events', conditions: [is('medium', 'event', 'events', 'conference', 'trade*show', 'webinar', 'meetup')] },
  { channel: 'SMS', conditions: [is('medium', 'sms', 'text', 'text message')] },
  { channel: 'SMS', conditions: [is('source', 'sms')] },
  { channel: 'Organic Search', conditions: [is('source_category', 'search')] },
  { channel: 'Organic Search', conditions: [is('medium', 'organic')] },
  { channel: 'Organic Social', conditions: [is('source_category', 'social')] },
  { channel: 'Organic Social', conditions: [is('medium', ...SOCIAL_MEDIUMS)] },
  { channel: 'Referral', conditions: [is('medium', 'referral', 'app', 'link')] },
];
