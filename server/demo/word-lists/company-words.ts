// Building blocks of invented company names ("Northfield Freight", "Kestrel & Vane", "Zenora Labs")
// and of their web domains. Combinations that spell a famous brand are refused in companies.ts.

const list = (text: string) => text.trim().split(/\s*,\s*/);

/** First halves of compound names: Northfield, Oakridge, Clearwater. */
export const COMPOUND_HEADS = list(`North, West, East, Oak, Iron, Bright, Clear, Stone, Maple, Cedar, Harbor, River, Summit, Pine,
  Silver, Green, Eagle, Falcon, Lake, Meadow, Ridge, Fox, Hawk, Sky, Cloud, Wind, Frost, Ash, Elm, Birch, Willow, Copper, Cobalt,
  Amber, Coral, Granite, Marble, Hazel, Aspen, Spruce, Juniper, Heather, Thistle, Bramble, Rowan, Alder, Laurel, Brook, Glen, Dale,
  Moss, Fern, Sage, Crane, Heron, Wren, Lark, Robin, Otter, Badger, Kestrel, Osprey, Swift, Tide, Wave, Shore, Bay, Cove, High,
  Long, Deep, Far, True, Fair, Bold, Keen, Quick, Still, Calm, True, Blue, Red, White, Grey, Amber, Bell, Castle, Crown, King,
  Queen, Tower, Mill, Wheat, Barley, Orchard, Vine, Rose, Lily, Ivy, Holly, Larch, Quarry, Flint, Slate, Chalk, Clay, Salt, Sun,
  Moon, Star, Dawn, Dusk, Noon, Ever, Whit, Wood, Hart, Stag, Elk, Raven, Lynx`);

/** Second halves of compound names. */
export const COMPOUND_TAILS = list(`field, water, line, bridge, point, gate, way, works, wood, brook, haven, port, ridge, view, crest,
  vale, side, wick, ford, stead, mark, shore, light, peak, path, well, stone, hill, gard, holm, wyn, moor, lake, bury, ton, by,
  land, mont, hurst, combe, leigh, croft, dale, fall, spring, glen, well, brook, mere, stream, cliff, bank, beck, ley, worth,
  star, wing, fire, forge, craft, base, bound, scape, stack, loop, grid, sight, vane, keel, mast, helm, sail`);

/** Adjective + noun names: "Blue Harbor", "Quiet Current". */
export const PAIR_FIRST = list(`Blue, Red, Green, Silver, Golden, Bright, Clear, Quiet, Open, Swift, True, Bold, Grand, Little,
  Hidden, Rising, Northern, Southern, Western, Eastern, Upper, Lower, First, Second, Third, Twin, Single, Crimson, Scarlet, Violet,
  Indigo, Copper, Iron, Granite, Evergreen, Lucky, Wild, Calm, Steady, Summit, Prime, Polar, Coastal, Inland, Central, Harbor`);
export const PAIR_SECOND = list(`Harbor, Current, Meadow, Summit, River, Canyon, Pine, Oak, Ridge, Horizon, Compass, Anchor,
  Lantern, Beacon, Bridge, Orchard, Valley, Forest, Prairie, Mesa, Delta, Island, Cove, Coast, Fjord, Glacier, Ember, Spark, Arrow,
  Quill, Kite, Falcon, Heron, Otter, Fox, Badger, Bison, Moose, Lynx, Raven, Sparrow, Willow, Maple, Birch, Cedar, Stone, Signal`);

/** Invented brand names, syllable by syllable: Zenora, Velix, Quantiva. */
export const BRAND_STARTS = list(`Zen, Vel, Quan, Lum, Nov, Ax, Ver, Cal, Syn, Tri, Ori, Aur, Cel, Dyn, Flux, Glo, Hel, Ion, Kin,
  Lyr, Mer, Nex, Opt, Pax, Qua, Rel, Sol, Tal, Ul, Vir, Xen, Yon, Zyl, Ard, Bri, Cor, Dal, Eon, Fen, Gal, Hal, Ika, Jov, Kal, Lev`);
export const BRAND_ENDS = list(`ora, ix, iva, ara, eo, ity, ion, ent, ica, ium, is, yx, oro, ana, io, ova, ex, era, ise, ant, ora,
  ari, elle, ino, eon, ust, ero, ada, ika, une`);

/** Family names for partnerships and older firms: "Hartley & Finch", "Weber Logistik". */
export const FIRM_NAMES = list(`Hartley, Finch, Ashworth, Pemberton, Caldwell, Whitmore, Sterling, Thornton, Langley, Prescott,
  Harlow, Bexley, Ainsley, Calloway, Dunmore, Everett, Fairbanks, Garrison, Holloway, Kingsley, Lockhart, Merriweather, Norwood,
  Oakes, Radcliffe, Sinclair, Templeton, Underwood, Vance, Winslow, Yardley, Brandt, Keller, Vogel, Lindahl, Moreau, Delacroix,
  Van Aalst, Brenner, Stahl, Carrow, Maddox, Quill, Rowe, Hale, Marsh, Sykes, Tate, Vaughn, Wilder`);

export const INDUSTRIES = [
  'Software',
  'Financial services',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Education',
  'Media',
  'Logistics',
  'Professional services',
  'Energy',
  'Telecommunications',
  'Non-profit',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** The word a company in an industry ends its name with, and its revenue per employee (USD). */
export const INDUSTRY_PROFILE: Record<Industry, { weight: number; nouns: string[]; revenuePerEmployee: number }> = {
  Software: {
    weight: 22,
    nouns: list('Labs, Software, Systems, Technologies, Cloud, AI, Digital, Data, Apps, IO'),
    revenuePerEmployee: 190_000,
  },
  'Financial services': {
    weight: 11,
    nouns: list('Capital, Bank, Financial, Partners, Insurance, Wealth, Payments, Lending'),
    revenuePerEmployee: 320_000,
  },
  Healthcare: {
    weight: 10,
    nouns: list('Health, Medical, Clinics, Care, Pharma, Diagnostics, Biosciences, Therapeutics'),
    revenuePerEmployee: 130_000,
  },
  Retail: { weight: 10, nouns: list('Stores, Outfitters, Market, Home, Goods, Apparel, Supply, Brands'), revenuePerEmployee: 160_000 },
  Manufacturing: {
    weight: 10,
    nouns: list('Manufacturing, Industries, Components, Engineering, Materials, Works, Precision, Fabrication'),
    revenuePerEmployee: 210_000,
  },
  Education: { weight: 5, nouns: list('Academy, Learning, Education, Schools, Tutoring, Institute'), revenuePerEmployee: 70_000 },
  Media: { weight: 6, nouns: list('Media, Studios, Publishing, Press, Broadcasting, Network'), revenuePerEmployee: 170_000 },
  Logistics: { weight: 7, nouns: list('Logistics, Freight, Shipping, Transport, Distribution, Cargo'), revenuePerEmployee: 180_000 },
  'Professional services': {
    weight: 9,
    nouns: list('Consulting, Advisors, Group, Partners, Associates, Strategy'),
    revenuePerEmployee: 140_000,
  },
  Energy: { weight: 4, nouns: list('Energy, Power, Renewables, Solar, Utilities, Grid'), revenuePerEmployee: 420_000 },
  Telecommunications: { weight: 3, nouns: list('Telecom, Networks, Communications, Fiber, Mobile'), revenuePerEmployee: 360_000 },
  'Non-profit': { weight: 3, nouns: list('Foundation, Trust, Alliance, Fund, Collective'), revenuePerEmployee: 60_000 },
};

export interface CountryProfile {
  weight: number;
  name: string;
  tld: string;
  /** Legal-form suffixes as CRM records often carry them (most names come without). */
  legalForms: string[];
  region: 'north_america' | 'emea' | 'apac';
}

/** ISO 3166 codes → where Northwind sells: mostly North America and Europe. */
export const COUNTRIES: Record<string, CountryProfile> = {
  US: { weight: 38, name: 'United States', tld: 'com', legalForms: ['Inc.', 'LLC', 'Corp.'], region: 'north_america' },
  GB: { weight: 14, name: 'United Kingdom', tld: 'co.uk', legalForms: ['Ltd', 'plc'], region: 'emea' },
  DE: { weight: 9, name: 'Germany', tld: 'de', legalForms: ['GmbH', 'AG'], region: 'emea' },
  FR: { weight: 6, name: 'France', tld: 'fr', legalForms: ['SAS', 'SA'], region: 'emea' },
  CA: { weight: 6, name: 'Canada', tld: 'ca', legalForms: ['Inc.', 'Ltd.'], region: 'north_america' },
  NL: { weight: 5, name: 'Netherlands', tld: 'nl', legalForms: ['B.V.', 'N.V.'], region: 'emea' },
  AU: { weight: 5, name: 'Australia', tld: 'com.au', legalForms: ['Pty Ltd'], region: 'apac' },
  SE: { weight: 3, name: 'Sweden', tld: 'se', legalForms: ['AB'], region: 'emea' },
  DK: { weight: 2, name: 'Denmark', tld: 'dk', legalForms: ['A/S', 'ApS'], region: 'emea' },
  NO: { weight: 2, name: 'Norway', tld: 'no', legalForms: ['AS'], region: 'emea' },
  FI: { weight: 2, name: 'Finland', tld: 'fi', legalForms: ['Oy'], region: 'emea' },
  IE: { weight: 3, name: 'Ireland', tld: 'ie', legalForms: ['Ltd', 'DAC'], region: 'emea' },
  ES: { weight: 2, name: 'Spain', tld: 'es', legalForms: ['S.L.', 'S.A.'], region: 'emea' },
  CH: { weight: 2, name: 'Switzerland', tld: 'ch', legalForms: ['AG', 'GmbH', 'SA'], region: 'emea' },
};

/** Lowercased names that must not come out of the generator: real, well-known brands. */
export const FAMOUS_NAMES = new Set(
  list(`blackstone, blackrock, firestone, redwood, bluewater, silverline, oracle, northstar, starbucks, sunpower, westfield,
  eastwood, highland, goldfield, greenfield, redstone, oakley, ironwood, clearwater, brightline, pinewood, marblehead, salesforce,
  snowflake, skyline, lighthouse, westinghouse, kingfisher, crownpoint, moonpig, sunlight, starlink, rosewood, stonebridge,
  bridgewater, castlepoint, queensland, hollywood, kingston, ashford, oakland, highpoint, longview, fairfield, everbridge,
  brookfield, silverlake, silverstone, lakeland, bellway, northwell, highmark, westpoint, deepwater, towerbridge, redbridge,
  greenland, ashley, westland, highgate, whitehall, lakeside, riverside, highbury, falconbridge, fairway, edgewater, bayview,
  oakwood, kingsway, queensway, shoreline, westgate, eastgate, sunway, skyway, redhill, millbrook, greenwood, elmwood, ashfield,
  northgate, castleford, axis, novant, calix, nexis, bluestone, starbase, eastland, northland`),
);
