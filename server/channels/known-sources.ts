// Well-known search engines, social networks and webmail, to name a referrer ("www.google.co.uk" →
// "google") and to give rules a `source_category`. A pattern with a dot is a host (it matches that host
// and its subdomains); one without is a label anywhere in the host but the last ("google" matches
// google.com, www.google.co.uk, news.google.de). Aliases are short utm_source spellings. Order
// matters: webmail comes first so mail.google.com is email, not Google search.
import type { SourceCategory } from './channel-rules.schemas.ts';

interface KnownSource {
  source: string;
  category: SourceCategory | null;
  hosts: string[];
  aliases?: string[];
}

export const KNOWN_SOURCES: KnownSource[] = [
  // webmail, and Android's Gmail app (referrers like android-app://com.google.android.gm)
  { source: 'gmail', category: 'email', hosts: ['mail.google.com', 'com.google.android.gm'] },
  { source: 'outlook', category: 'email', hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'] },
  { source: 'yahoo mail', category: 'email', hosts: ['mail.yahoo.com'] },
  { source: 'proton mail', category: 'email', hosts: ['mail.proton.me'] },
  // Google properties that are not search
  { source: 'google docs', category: null, hosts: ['docs.google.com', 'drive.google.com', 'sites.google.com'] },
  // search engines
  { source: 'google', category: 'search', hosts: ['google', 'com.google.android.googlequicksearchbox'] },
  { source: 'bing', category: 'search', hosts: ['bing'] },
  { source: 'yahoo', category: 'search', hosts: ['yahoo'] },
  { source: 'duckduckgo', category: 'search', hosts: ['duckduckgo'], aliases: ['ddg'] },
  { source: 'baidu', category: 'search', hosts: ['baidu'] },
  { source: 'yandex', category: 'search', hosts: ['yandex', 'ya.ru'] },
  { source: 'ecosia', category: 'search', hosts: ['ecosia'] },
  { source: 'brave', category: 'search', hosts: ['search.brave.com'] },
  { source: 'qwant', category: 'search', hosts: ['qwant'] },
  { source: 'startpage', category: 'search', hosts: ['startpage'] },
  { source: 'naver', category: 'search', hosts: ['naver'] },
  { source: 'seznam', category: 'search', hosts: ['seznam'] },
  { source: 'ask', category: 'search', hosts: ['ask.com'] },
  { source: 'aol', category: 'search', hosts: ['search.aol.com'] },
  { source: 'perplexity', category: 'search', hosts: ['perplexity.ai'] },
  { source: 'chatgpt', category: 'search', hosts: ['chatgpt.com', 'chat.openai.com'] },
  // social networks
  { source: 'facebook', category: 'social', hosts: ['facebook', 'fb.com', 'fb.me', 'm.me'], aliases: ['fb'] },
  { source: 'instagram', category: 'social', hosts: ['instagram'], aliases: ['ig'] },
  { source: 'linkedin', category: 'social', hosts: ['linkedin', 'lnkd.in'] },
  { source: 'twitter', category: 'social', hosts: ['twitter', 't.co', 'x.com'], aliases: ['x', 'tw'] },
  { source: 'tiktok', category: 'social', hosts: ['tiktok'] },
  { source: 'youtube', category: 'social', hosts: ['youtube', 'youtu.be'], aliases: ['yt'] },
  { source: 'reddit', category: 'social', hosts: ['reddit'] },
  { source: 'pinterest', category: 'social', hosts: ['pinterest', 'pin.it'] },
  { source: 'snapchat', category: 'social', hosts: ['snapchat'] },
  { source: 'threads', category: 'social', hosts: ['threads.net', 'threads.com'] },
  { source: 'bluesky', category: 'social', hosts: ['bsky.app'] },
  { source: 'mastodon', category: 'social', hosts: ['mastodon.social'] },
  { source: 'quora', category: 'social', hosts: ['quora'] },
  { source: 'tumblr', category: 'social', hosts: ['tumblr'] },
  { source: 'vk', category: 'social', hosts: ['vk.com'] },
  { source: 'whatsapp', category: 'social', hosts: ['whatsapp', 'wa.me'] },
  { source: 'telegram', category: 'social', hosts: ['t.me', 'telegram.org'] },
  { source: 'discord', category: 'social', hosts: ['discord.com', 'discord.gg'] },
  { source: 'slack', category: 'social', hosts: ['slack.com'] },
  { source: 'xing', category: 'social', hosts: ['xing'] },
  { source: 'hacker news', category: 'social', hosts: ['news.ycombinator.com'] },
  { source: 'producthunt', category: 'social', hosts: ['producthunt.com'] },
];

/** The known source a utm_source value or a host names, if any. */
export function findKnownSource(value: string): KnownSource | undefined {
  const v = value.toLowerCase();
  const labels = v.split('.');
  // the last label of a host is its top-level domain; a single word is compared whole
  const candidateLabels = labels.length > 1 ? labels.slice(0, -1) : labels;
  return KNOWN_SOURCES.find(
    (k) =>
      k.source === v ||
      k.aliases?.includes(v) ||
      k.hosts.some((h) => (h.includes('.') ? v === h || v.endsWith(`.${h}`) : candidateLabels.includes(h))),
  );
}
