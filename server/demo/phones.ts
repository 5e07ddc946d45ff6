// Phone numbers in each country's format, inside the ranges regulators keep for fiction where one
// exists (US 555-01xx, UK Ofcom drama numbers, Australia 5550 xxxx), so nobody real gets a call.
import type { Rng } from './random.ts';

/** n digits; a subscriber number does not start with 0 (that is the trunk prefix). */
const digits = (rng: Rng, n: number, leading = false) => {
  let s = leading ? String(rng.int(2, 9)) : '';
  while (s.length < n) s += rng.int(0, 9);
  return s;
};

const US_AREAS = ['212', '415', '617', '312', '512', '206', '303', '404', '646', '305', '213', '720', '919', '612', '503'];
const CA_AREAS = ['416', '604', '514', '403', '613', '647', '778'];

const FORMATS: Record<string, (rng: Rng) => string> = {
  US: (rng) => `+1 ${rng.pick(US_AREAS)} 555 01${digits(rng, 2)}`,
  CA: (rng) => `+1 ${rng.pick(CA_AREAS)} 555 01${digits(rng, 2)}`,
  GB: (rng) => (rng.chance(0.6) ? `+44 20 7946 0${digits(rng, 3)}` : `+44 161 496 0${digits(rng, 3)}`),
  IE: (rng) => `+353 1 555 ${digits(rng, 4)}`,
  AU: (rng) => `+61 2 5550 ${digits(rng, 4)}`,
  DE: (rng) => `+49 ${rng.pick(['30', '89', '40', '69', '221'])} ${digits(rng, 7, true)}`,
  FR: (rng) => `+33 1 ${digits(rng, 2, true)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`,
  NL: (rng) => `+31 ${rng.pick(['20', '10', '30', '70'])} ${digits(rng, 3, true)} ${digits(rng, 4)}`,
  SE: (rng) => `+46 8 ${digits(rng, 3, true)} ${digits(rng, 2)} ${digits(rng, 2)}`,
  DK: (rng) => `+45 ${digits(rng, 2, true)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`,
  NO: (rng) => `+47 ${digits(rng, 3, true)} ${digits(rng, 2)} ${digits(rng, 3)}`,
  FI: (rng) => `+358 9 ${digits(rng, 3, true)} ${digits(rng, 4)}`,
  ES: (rng) => `+34 91 ${digits(rng, 3, true)} ${digits(rng, 2)} ${digits(rng, 2)}`,
  CH: (rng) => `+41 44 ${digits(rng, 3, true)} ${digits(rng, 2)} ${digits(rng, 2)}`,
};

export function phoneNumber(rng: Rng, countryCode: string): string {
  return (FORMATS[countryCode] ?? FORMATS.US)(rng);
}
