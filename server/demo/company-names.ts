// Invented company names and their web domains. Domains are unique (the caller's set of used domains)
// and valid hostnames; names repeat only when the word lists run out, as names do in real CRMs.
import type { Rng } from './random.ts';
import { weighted } from './random.ts';
import { asciiSlug } from './ascii.ts';
import {
  BRAND_ENDS,
  BRAND_STARTS,
  COMPOUND_HEADS,
  COMPOUND_TAILS,
  COUNTRIES,
  FAMOUS_NAMES,
  FIRM_NAMES,
  INDUSTRY_PROFILE,
  PAIR_FIRST,
  PAIR_SECOND,
  type Industry,
} from './word-lists/company-words.ts';

export interface CompanyName {
  name: string;
  domain: string;
}

type Style = 'compound' | 'pair' | 'brand' | 'firm';

/** Naming fashions differ by industry: software loves invented brands, advisory firms carry surnames. */
const STYLE_BY_INDUSTRY: Partial<Record<Industry, ReadonlyArray<readonly [Style, number]>>> = {
  Software: [
    ['compound', 35],
    ['pair', 15],
    ['brand', 45],
    ['firm', 5],
  ],
  'Professional services': [
    ['compound', 30],
    ['pair', 15],
    ['brand', 10],
    ['firm', 45],
  ],
  'Financial services': [
    ['compound', 35],
    ['pair', 20],
    ['brand', 20],
    ['firm', 25],
  ],
  Healthcare: [
    ['compound', 40],
    ['pair', 20],
    ['brand', 30],
    ['firm', 10],
  ],
};
const DEFAULT_STYLE: ReadonlyArray<readonly [Style, number]> = [
  ['compound', 48],
  ['pair', 24],
  ['brand', 13],
  ['firm', 15],
];
const stylePickers = new Map<Industry | 'default', (rng: Rng) => Style>();

function pickStyle(rng: Rng, industry: Industry): Style {
  const key = STYLE_BY_INDUSTRY[industry] ? industry : 'default';
  let picker = stylePickers.get(key);
  if (!picker) stylePickers.set(key, (picker = weighted(STYLE_BY_INDUSTRY[industry] ?? DEFAULT_STYLE)));
  return picker(rng);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The distinctive part of the name (used for the domain) and the full display name. */
function compose(rng: Rng, industry: Industry): { core: string; name: string; noun?: string } {
  const noun = rng.pick(INDUSTRY_PROFILE[industry].nouns);
  switch (pickStyle(rng, industry)) {
    case 'compound': {
      let core = '';
      for (let i = 0; i < 5 && (!core || FAMOUS_NAMES.has(asciiSlug(core))); i++) {
        const head = rng.pick(COMPOUND_HEADS);
        let tail = rng.pick(COMPOUND_TAILS);
        if (head.toLowerCase().endsWith(tail.charAt(0))) tail = rng.pick(COMPOUND_TAILS); // avoid "Ashhill"
        core = head + tail;
      }
      return rng.chance(0.7) ? { core, name: `${core} ${noun}`, noun } : { core, name: core };
    }
    case 'pair': {
      const first = rng.pick(PAIR_FIRST);
      let second = rng.pick(PAIR_SECOND);
      if (second === first) second = rng.pick(PAIR_SECOND);
      const core = `${first} ${second}`;
      return rng.chance(0.6) ? { core, name: `${core} ${noun}`, noun } : { core, name: core };
    }
    case 'brand': {
      const start = rng.pick(BRAND_STARTS);
      let end = rng.pick(BRAND_ENDS);
      // "Zen"+"ora", but not "Ionion"-style doubled vowels at the seam
      if (/[aeiou]$/i.test(start) && /^[aeiou]/.test(end)) end = end.slice(1) || end;
      const core = capitalise(start + end);
      return rng.chance(0.45) ? { core, name: `${core} ${noun}`, noun } : { core, name: core };
    }
    case 'firm': {
      const a = rng.pick(FIRM_NAMES);
      if (rng.chance(0.5)) {
        let b = rng.pick(FIRM_NAMES);
        if (b === a) b = rng.pick(FIRM_NAMES);
        return { core: `${a} ${b}`, name: `${a} & ${b}` };
      }
      return { core: a, name: `${a} ${noun}`, noun };
    }
  }
}

function tldFor(rng: Rng, countryCode: string, industry: Industry): string {
  if (industry === 'Software' && rng.chance(0.18)) return rng.chance(0.65) ? 'io' : 'ai';
  const local = COUNTRIES[countryCode]?.tld ?? 'com';
  return local === 'com' || rng.chance(0.68) ? local : 'com';
}

/**
 * A new company name and a domain nobody in `usedDomains` has (which it adds). `usedNames` makes
 * repeated names rare while the lists last.
 */
export function inventCompany(
  rng: Rng,
  opts: { industry: Industry; countryCode: string; usedDomains: Set<string>; usedNames: Set<string> },
): CompanyName {
  let parts = compose(rng, opts.industry);
  // a used name, or (other styles than compound) one spelling a famous brand: try again
  for (let i = 0; i < 8 && (opts.usedNames.has(parts.name) || FAMOUS_NAMES.has(asciiSlug(parts.core))); i++)
    parts = compose(rng, opts.industry);
  opts.usedNames.add(parts.name);

  const slug = asciiSlug(parts.core);
  const hyphenated = parts.core.includes(' ') && rng.chance(0.3) ? parts.core.split(' ').map(asciiSlug).join('-') : slug;
  const tld = tldFor(rng, opts.countryCode, opts.industry);
  // "Hollyport AI" lives at hollyport.ai, not hollyportai.ai
  const noun = parts.noun && asciiSlug(parts.noun) !== tld ? asciiSlug(parts.noun) : undefined;
  const candidates = [
    rng.chance(0.35) && noun ? (hyphenated === slug ? `${slug}${noun}` : `${hyphenated}-${noun}`) : hyphenated,
    noun ? `${slug}${noun}` : `${slug}group`,
    noun ? `${slug}-${noun}` : `${slug}-co`,
    opts.industry === 'Software' ? `get${slug}` : `${slug}hq`,
    `${slug}${asciiSlug(opts.countryCode)}`,
  ];
  for (const label of candidates) {
    const domain = `${label}.${tld}`;
    if (!opts.usedDomains.has(domain)) {
      opts.usedDomains.add(domain);
      return { name: parts.name, domain };
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${slug}${n}.${tld}`;
    if (!opts.usedDomains.has(domain)) {
      opts.usedDomains.add(domain);
      return { name: parts.name, domain };
    }
  }
}
