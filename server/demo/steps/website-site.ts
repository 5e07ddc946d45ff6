// Northwind's website as the demo's visitors see it: its pages and titles, where people go next from
// each kind of page, the three forms and the pages that carry them, and where outside visitors come
// from (search engines, social networks, review sites). Pure data and small pickers.
import { weighted, type Rng } from '../random.ts';
import type { MarketingEvent } from '../marketing-calendar.ts';

export const SITE = 'https://northwind.example';

export const BLOG_POSTS: ReadonlyArray<readonly [string, string]> = [
  ['self-serve-bi-guide', 'The practical guide to self-serve BI'],
  ['metrics-layer-explained', 'What a metrics layer is, and when you need one'],
  ['dashboard-sprawl', 'Dashboard sprawl: how to clean up 400 dashboards'],
  ['forecasting-revenue-in-sql', 'Forecasting revenue in plain SQL'],
  ['snowflake-cost-control', 'Five ways to keep Snowflake costs in check'],
  ['kpi-tree', 'Build a KPI tree your board understands'],
  ['data-team-structure', 'How to structure a data team of five'],
  ['embedded-analytics-checklist', 'Embedded analytics: a buyer checklist'],
  ['marketing-attribution-warehouse', 'Marketing attribution on your warehouse'],
  ['churn-dashboard', 'The churn dashboard every SaaS needs'],
  ['ai-insights-reality-check', 'AI insights: a reality check'],
  ['dbt-semantic-models', 'From dbt models to semantic models'],
  ['finance-close-dashboards', 'Dashboards that speed up the month-end close'],
  ['looker-migration-story', 'What we learned migrating 200 Looker dashboards'],
  ['data-quality-alerts', 'Data quality alerts that people do not mute'],
  ['cohort-analysis-basics', 'Cohort analysis, the basics'],
  ['executive-dashboard-design', 'Designing an executive dashboard'],
  ['sales-pipeline-metrics', 'Sales pipeline metrics that predict the quarter'],
  ['bigquery-vs-snowflake', 'BigQuery vs Snowflake for analytics teams'],
  ['row-level-security', 'Row-level security without the headache'],
];

export const CUSTOMER_STORIES: ReadonlyArray<readonly [string, string]> = [
  ['lumen-retail', 'How Lumen Retail cut reporting time by 70%'],
  ['arcadia-health', 'Arcadia Health: one set of metrics for 40 clinics'],
  ['fjord-logistics', 'Fjord Logistics forecasts demand with Northwind'],
  ['brightpath-fintech', 'BrightPath FinTech embeds analytics for 9,000 customers'],
  ['kestrel-media', 'Kestrel Media replaced 14 tools with one'],
];

const STATIC_PAGES: Record<string, string> = {
  '/': 'Northwind Analytics — analytics your whole company trusts',
  '/pricing': 'Pricing — Northwind Analytics',
  '/product': 'Product overview — Northwind Analytics',
  '/product/dashboards': 'Live dashboards — Northwind Analytics',
  '/product/forecasting': 'Forecasting — Northwind Analytics',
  '/product/embedded-analytics': 'Embedded analytics — Northwind Analytics',
  '/product/ai-insights': 'AI insights — Northwind Analytics',
  '/customers': 'Customers — Northwind Analytics',
  '/blog': 'Blog — Northwind Analytics',
  '/demo': 'Talk to sales — Northwind Analytics',
  '/integrations': 'Integrations — Northwind Analytics',
  '/integrations/snowflake': 'Northwind for Snowflake',
  '/integrations/bigquery': 'Northwind for BigQuery',
  '/integrations/dbt': 'Northwind for dbt',
  '/compare/looker-alternative': 'Northwind vs Looker',
  '/compare/power-bi-alternative': 'Northwind vs Power BI',
  '/compare/tableau-alternative': 'Northwind vs Tableau',
  '/partners': 'Partners — Northwind Analytics',
  '/security': 'Security — Northwind Analytics',
  '/about': 'About us — Northwind Analytics',
  '/careers': 'Careers — Northwind Analytics',
  '/resources': 'Resources — Northwind Analytics',
  '/webinars': 'Webinars — Northwind Analytics',
  '/docs': 'Documentation — Northwind Analytics',
  '/docs/getting-started': 'Getting started — Northwind docs',
  '/docs/connect-snowflake': 'Connect Snowflake — Northwind docs',
  '/docs/semantic-layer': 'Semantic layer — Northwind docs',
  '/docs/embedding': 'Embedding — Northwind docs',
  '/docs/permissions': 'Permissions — Northwind docs',
  '/docs/api': 'API reference — Northwind docs',
};

/** The page title a path shows (generated pages are titled from their slug or their entry). */
export function titleOf(path: string, extra: ReadonlyMap<string, string>): string {
  const known = STATIC_PAGES[path] ?? extra.get(path);
  if (known) return known;
  const [, section, slug] = path.split('/');
  const list = section === 'blog' ? BLOG_POSTS : section === 'customers' ? CUSTOMER_STORIES : [];
  return list.find(([s]) => s === slug)?.[1] ?? 'Northwind Analytics';
}

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A webinar's or trade show's page. */
export function eventPage(e: MarketingEvent): string {
  const name = e.kind === 'webinar' ? e.name.replace(/^Webinar:\s*/, '') : e.name;
  return `/${e.kind === 'webinar' ? 'webinars' : 'events'}/${slugOf(name)}-${e.date.slice(0, 4)}`;
}

// ---- forms ------------------------------------------------------------------------------------

export type FormKey = 'contact-sales' | 'download-report' | 'webinar-registration';

export interface DemoForm {
  key: FormKey;
  name: string;
  fields: Array<{ property: string; label: string; type: string; required: boolean; placeholder: string | null; helpText: string | null }>;
  submitLabel: string;
  thankYouMessage: string;
}

export const CONSENT_TEXT =
  'Yes, Northwind Analytics may email me product news, reports and event invitations. I can unsubscribe at any time.';

const field = (property: string, label: string, type: string, required: boolean) => ({ property, label, type, required, placeholder: null, helpText: null });

export const DEMO_FORMS: readonly DemoForm[] = [
  {
    key: 'contact-sales',
    name: 'Contact sales',
    fields: [
      field('email', 'Work email', 'email', true),
      field('firstName', 'First name', 'text', true),
      field('lastName', 'Last name', 'text', true),
      field('company', 'Company', 'text', false),
      field('title', 'Job title', 'text', false),
      field('phone', 'Phone', 'tel', false),
    ],
    submitLabel: 'Request a demo',
    thankYouMessage: 'Thanks! Someone from our team will reach out within one business day.',
  },
  {
    key: 'download-report',
    name: 'Download report',
    fields: [
      field('email', 'Work email', 'email', true),
      field('firstName', 'First name', 'text', true),
      field('lastName', 'Last name', 'text', false),
      field('company', 'Company', 'text', false),
      field('title', 'Job title', 'text', false),
    ],
    submitLabel: 'Get the report',
    thankYouMessage: 'Your copy is on its way to your inbox.',
  },
  {
    key: 'webinar-registration',
    name: 'Webinar registration',
    fields: [
      field('email', 'Work email', 'email', true),
      field('firstName', 'First name', 'text', true),
      field('lastName', 'Last name', 'text', true),
      field('company', 'Company', 'text', false),
    ],
    submitLabel: 'Save my seat',
    thankYouMessage: "You're registered. The joining link is in your inbox.",
  },
];

/** The form a page carries, if any. */
export function formOnPage(path: string): FormKey | null {
  if (path === '/demo') return 'contact-sales';
  if (path.startsWith('/resources/')) return 'download-report';
  if (path.startsWith('/webinars/')) return 'webinar-registration';
  return null;
}

// ---- navigation -------------------------------------------------------------------------------

const blogPath = (rng: Rng) => `/blog/${rng.pick(BLOG_POSTS)[0]}`;
const storyPath = (rng: Rng) => `/customers/${rng.pick(CUSTOMER_STORIES)[0]}`;
const productPath = weighted([
  ['/product', 3],
  ['/product/dashboards', 3],
  ['/product/forecasting', 2],
  ['/product/embedded-analytics', 2],
  ['/product/ai-insights', 2],
] as const);
const docsPath = weighted([
  ['/docs', 2],
  ['/docs/getting-started', 3],
  ['/docs/connect-snowflake', 2],
  ['/docs/semantic-layer', 2],
  ['/docs/embedding', 1],
  ['/docs/permissions', 1],
  ['/docs/api', 2],
] as const);

type Next = (rng: Rng) => string;
const choose = (entries: ReadonlyArray<readonly [Next | string, number]>) => {
  const pick = weighted(entries);
  return (rng: Rng) => {
    const next = pick(rng);
    return typeof next === 'string' ? next : next(rng);
  };
};

const FROM_SECTION: Record<string, (rng: Rng) => string> = {
  home: choose([['/pricing', 25], [productPath, 25], ['/customers', 12], ['/blog', 8], ['/demo', 8], ['/integrations', 6], ['/about', 4], ['/careers', 2], ['/security', 2]]),
  blog: choose([[blogPath, 30], ['/', 15], [productPath, 18], ['/pricing', 12], ['/resources', 8], ['/demo', 5], ['/blog', 7]]),
  product: choose([[productPath, 28], ['/pricing', 30], ['/customers', 12], ['/demo', 14], ['/integrations', 8], ['/security', 4], [storyPath, 4]]),
  pricing: choose([['/demo', 30], ['/customers', 15], [productPath, 18], ['/', 8], ['/security', 8], ['/compare/looker-alternative', 5], [storyPath, 8], ['/docs', 3]]),
  customers: choose([[storyPath, 50], ['/pricing', 22], ['/demo', 18], [productPath, 10]]),
  docs: choose([[docsPath, 75], ['/', 6], ['/pricing', 6], [productPath, 8], ['/integrations', 5]]),
  other: choose([['/', 25], ['/pricing', 25], [productPath, 20], ['/customers', 12], ['/demo', 10], [blogPath, 8]]),
};

function sectionOf(path: string): keyof typeof FROM_SECTION {
  if (path === '/') return 'home';
  if (path.startsWith('/blog')) return 'blog';
  if (path.startsWith('/product') || path.startsWith('/integrations') || path.startsWith('/compare')) return 'product';
  if (path === '/pricing' || path === '/security') return 'pricing';
  if (path.startsWith('/customers')) return 'customers';
  if (path.startsWith('/docs')) return 'docs';
  return 'other';
}

/** Where a visitor goes after `path`; null when they leave. Customers wander into the docs. */
export function nextPage(rng: Rng, path: string, opts: { customer: boolean; stay: number }): string | null {
  if (!rng.chance(opts.stay)) return null;
  if (opts.customer && rng.chance(0.35)) return docsPath(rng);
  let next = FROM_SECTION[sectionOf(path)](rng);
  if (next === '/resources' && rng.chance(0.5)) next = blogPath(rng);
  return next === path ? null : next;
}

// ---- where outside visitors come from ----------------------------------------------------------

export const pickSearchReferrer = weighted([
  ['https://www.google.com/', 80],
  ['https://www.bing.com/', 9],
  ['https://duckduckgo.com/', 5],
  ['https://www.google.co.uk/', 4],
  ['https://www.ecosia.org/', 2],
] as const);

export const pickSocialReferrer = weighted([
  ['https://www.linkedin.com/', 55],
  ['https://t.co/', 15],
  ['https://news.ycombinator.com/', 10],
  ['https://www.reddit.com/r/BusinessIntelligence/', 10],
  ['https://www.youtube.com/', 10],
] as const);

export const pickReferralSite = weighted([
  ['https://www.g2.com/products/northwind-analytics/reviews', 35],
  ['https://www.capterra.com/p/northwind-analytics/', 20],
  ['https://medium.com/@dataeng/choosing-a-bi-tool', 12],
  ['https://www.getdbt.com/ecosystem', 10],
  ['https://towardsdatascience.com/modern-bi-stack', 10],
  ['https://stackshare.io/northwind-analytics', 8],
  ['https://www.producthunt.com/products/northwind-analytics', 5],
] as const);

/** Landing pages of unpaid arrivals: searchers land on articles, direct visitors on the home page. */
export const organicLanding = choose([[blogPath, 58], ['/', 12], [productPath, 14], ['/pricing', 6], ['/compare/looker-alternative', 3], ['/compare/power-bi-alternative', 3], [storyPath, 4]]);
export const directLanding = choose([['/', 58], ['/pricing', 18], [blogPath, 8], ['/customers', 6], ['/docs', 6], ['/demo', 4]]);
export const socialLanding = choose([[blogPath, 70], ['/', 12], [storyPath, 10], ['/careers', 8]]);
export const referralLanding = choose([['/', 35], ['/customers', 15], ['/pricing', 25], [blogPath, 10], ['/integrations', 15]]);
export const newsletterLanding = choose([[blogPath, 75], [productPath, 15], [storyPath, 10]]);

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
];
export const pickUserAgent = weighted(USER_AGENTS.map((ua, i) => [ua, [30, 24, 12, 10, 6, 12, 6][i]] as const));
export const pickLocale = weighted([
  ['en-US', 50],
  ['en-GB', 14],
  ['de-DE', 10],
  ['nl-NL', 6],
  ['sv-SE', 5],
  ['fr-FR', 6],
  ['es-ES', 4],
  ['en-CA', 5],
] as const);
