// Who a person is on paper: a name drawn from the mix of origins of their country, and an email
// address in their company's pattern (jane.doe@, jdoe@, jane@ …) or at a free mailbox provider.
import { weighted, weightedKeys, type Rng } from './random.ts';
import { asciiSlug } from './ascii.ts';
import type { EmailPattern } from './companies.ts';
import { NAMES, ORIGIN_MIX, type NameOrigin } from './word-lists/person-names.ts';

const FREE_MAIL = weightedKeys({
  'gmail.com': 52,
  'outlook.com': 14,
  'yahoo.com': 9,
  'hotmail.com': 8,
  'icloud.com': 7,
  'proton.me': 4,
  'aol.com': 1,
});
/** Providers people in some countries use instead of the international ones. */
const LOCAL_FREE_MAIL: Record<string, string[]> = {
  DE: ['gmx.de', 'web.de', 't-online.de'],
  FR: ['orange.fr', 'free.fr', 'laposte.net'],
  GB: ['btinternet.com', 'yahoo.co.uk'],
};
const originPickers = new Map(Object.entries(ORIGIN_MIX).map(([code, mix]) => [code, weighted(mix)]));

export function personName(rng: Rng, countryCode: string): { first: string; last: string } {
  const pickOrigin = originPickers.get(countryCode) ?? originPickers.get('US')!;
  const origin: NameOrigin = pickOrigin(rng);
  // some people carry a family name from elsewhere
  const lastOrigin = rng.chance(0.08) ? pickOrigin(rng) : origin;
  return { first: rng.pick(NAMES[origin].first), last: rng.pick(NAMES[lastOrigin].last) };
}

function localPart(pattern: EmailPattern, first: string, last: string): string {
  const f = asciiSlug(first) || 'contact';
  const l = asciiSlug(last) || 'person';
  switch (pattern) {
    case 'first':
      return f;
    case 'flast':
      return f[0] + l;
    case 'firstl':
      return f + l[0];
    case 'f.last':
      return `${f[0]}.${l}`;
    case 'first_last':
      return `${f}_${l}`;
    default:
      return `${f}.${l}`;
  }
}

/** The address, made unique against `used` (which it joins) the way mail admins do: jane.doe2@. */
function unique(local: string, domain: string, used: Set<string>): string {
  let email = `${local}@${domain}`;
  for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
  used.add(email);
  return email;
}

export function companyEmail(pattern: EmailPattern, first: string, last: string, domain: string, used: Set<string>): string {
  return unique(localPart(pattern, first, last), domain, used);
}

export function freeMailEmail(rng: Rng, first: string, last: string, countryCode: string, used: Set<string>): string {
  const f = asciiSlug(first) || 'contact';
  const l = asciiSlug(last) || 'person';
  const local = [
    `${f}.${l}`,
    `${f}${l}${rng.int(1, 99)}`,
    `${f[0]}${l}${rng.int(70, 99)}`,
    `${f}.${l}${rng.int(1975, 2002)}`,
    `${f}_${l[0]}${rng.int(1, 999)}`,
  ][rng.int(0, 4)];
  const localProviders = LOCAL_FREE_MAIL[countryCode];
  const domain = localProviders && rng.chance(0.35) ? rng.pick(localProviders) : FREE_MAIL(rng);
  return unique(local, domain, used);
}
