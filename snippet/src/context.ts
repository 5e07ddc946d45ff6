// What every event says about where it happened, in Segment's field names: the page, the campaign
// (UTM parameters and ad click ids from the page's URL), the browser and this library.

declare const __TANDEM_VERSION__: string;

const UTM: Record<string, string> = {
  utm_source: 'source',
  utm_medium: 'medium',
  utm_campaign: 'name',
  utm_content: 'content',
  utm_term: 'term',
};

/** Ad platforms' click ids: they mark a visit as an ad click even when UTMs are missing. */
const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'li_fat_id', 'ttclid', 'twclid'];

export type Dict = Record<string, unknown>;

export function pageProperties(): Dict {
  return {
    url: location.href,
    path: location.pathname,
    referrer: document.referrer,
    title: document.title,
    search: location.search,
  };
}

export function clickIds(): Record<string, string> {
  const params = new URLSearchParams(location.search);
  const ids: Record<string, string> = {};
  for (const id of CLICK_IDS) {
    const value = params.get(id);
    if (value) ids[id] = value;
  }
  return ids;
}

function campaign(): Record<string, string> | undefined {
  const params = new URLSearchParams(location.search);
  const found: Record<string, string> = clickIds();
  for (const param in UTM) {
    const value = params.get(param);
    if (value) found[UTM[param]] = value;
  }
  return Object.keys(found).length ? found : undefined;
}

function timezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function eventContext(): Dict {
  return {
    page: pageProperties(),
    campaign: campaign(),
    userAgent: navigator.userAgent,
    locale: navigator.language,
    timezone: timezone(),
    screen: { width: screen.width, height: screen.height },
    library: { name: 'tandem.js', version: __TANDEM_VERSION__ },
  };
}

/** A v4 UUID: crypto.randomUUID exists only on HTTPS pages, getRandomValues everywhere else. */
export function uuid(): string {
  try {
    return crypto.randomUUID();
  } catch {
    const bytes = new Uint8Array(16);
    try {
      crypto.getRandomValues(bytes);
    } catch {
      for (let i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) | 0;
    }
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
