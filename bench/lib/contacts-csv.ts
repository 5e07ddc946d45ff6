// Writes a realistic contacts CSV (the columns of a HubSpot export) of any size, deterministically from
// a seed, streaming to disk so a million rows never sit in memory. A fixed share of the rows repeats
// an earlier contact's email (sometimes in another letter case) with other values changed, the way
// exports merged from two tools do. The summary says what a correct import must end with.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { en } from '@faker-js/faker';
import { createRandom, type Random } from './random.ts';

export interface ContactsCsvOptions {
  rows: number;
  /** Share of rows that repeat an earlier email, 0..1 (the issue asks for 0.05). */
  duplicateShare: number;
  seed: number;
}

export interface ContactsCsv {
  file: string;
  bytes: number;
  rows: number;
  /** Distinct emails (case-insensitive): the contact count a correct import ends with. */
  distinctEmails: number;
  duplicateRows: number;
  /** Search terms with a known shape: a common surname fragment and a rare surname. */
  searchTerms: { common: string; rare: string };
}

export const CSV_HEADERS = [
  'Record ID',
  'Email',
  'First Name',
  'Last Name',
  'Phone Number',
  'Job Title',
  'Company Name',
  'Lifecycle Stage',
  'Plan',
  'Seats',
  'Create Date',
];

/** The custom fields the Plan and Seats columns map to (by key); the benchmarks define them first. */
export const BENCH_CUSTOM_FIELDS = [
  {
    key: 'plan',
    label: 'Plan',
    type: 'select' as const,
    options: ['Free', 'Starter', 'Pro', 'Enterprise'].map((label) => ({ value: label.toLowerCase(), label })),
  },
  { key: 'seats', label: 'Seats', type: 'number' as const, options: [] },
];

const RARE_SURNAME = 'Quackenbush';
/** Bump when the generator's output changes, so files cached by earlier runs are written again. */
const GENERATOR_VERSION = 2;
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'];
const STAGES = ['Subscriber', 'Lead', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer', 'Evangelist'];
const PLANS = ['Free', 'Free', 'Starter', 'Starter', 'Pro', 'Enterprise'];
const COMPANY_SUFFIXES = ['Inc', 'LLC', 'Group', 'Labs', 'Partners', 'Systems', 'and Sons', 'Analytics'];

const firstNames = en.person!.first_name!.generic!;
const lastNames = en.person!.last_name!.generic!;
const jobDescriptors = en.person!.job_descriptor!;
const jobAreas = en.person!.job_area!;
const jobTypes = en.person!.job_type!;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One company per index: a stable name and the domain its people's email addresses use. */
function company(index: number): { name: string; domain: string } {
  const a = lastNames[index % lastNames.length];
  const b = lastNames[Math.floor(index / lastNames.length) % lastNames.length];
  const suffix = COMPANY_SUFFIXES[Math.floor(index / (lastNames.length * lastNames.length)) % COMPANY_SUFFIXES.length];
  // a few names carry a comma, as "Schmidt, Miller and Jones" does, so the file needs real CSV quoting
  const name = index % 9 === 0 ? `${a}, ${b} and ${suffix}` : index % 2 ? `${a} ${b} ${suffix}` : `${a}-${b} ${suffix}`;
  return { name, domain: `${slug(a)}-${slug(b)}${index % 3 === 0 ? '.io' : '.com'}` };
}

function jobTitle(random: Random): string {
  return `${random.pick(jobDescriptors)} ${random.pick(jobAreas)} ${random.pick(jobTypes)}`;
}

function phone(random: Random): string {
  return `+1 ${random.int(200, 999)}-555-${String(random.int(0, 9999)).padStart(4, '0')}`;
}

export function defaultCsvPath(dir: string, opts: ContactsCsvOptions): string {
  return path.join(dir, `contacts-${opts.rows}-dup${Math.round(opts.duplicateShare * 1000)}-seed${opts.seed}.csv`);
}

/**
 * Writes the file (or reuses it when a previous run wrote the same one: same options give the same
 * bytes, and a sidecar .json records the summary once the file is complete).
 */
export async function writeContactsCsv(file: string, opts: ContactsCsvOptions): Promise<ContactsCsv> {
  const sidecar = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(sidecar)) {
    const cached = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as ContactsCsv & { options: ContactsCsvOptions; version: number };
    const same = cached.version === GENERATOR_VERSION && JSON.stringify(cached.options) === JSON.stringify(opts);
    if (same && fs.statSync(file).size === cached.bytes) return { ...cached, file };
  }
  fs.rmSync(sidecar, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const random = createRandom(opts.seed);
  const companies = Math.max(10, Math.round(opts.rows / 50));
  // per distinct contact: what a later duplicate row needs to repeat the same person
  const firstOf = new Int32Array(opts.rows);
  const lastOf = new Int32Array(opts.rows);
  const emailOf: string[] = [];
  const duplicateEvery = opts.duplicateShare > 0 ? Math.round(1 / opts.duplicateShare) : 0;
  const start = Date.UTC(2023, 0, 1);

  const out = fs.createWriteStream(file);
  let chunk = `${CSV_HEADERS.join(',')}\n`;
  let distinct = 0;
  let duplicates = 0;
  for (let row = 0; row < opts.rows; row++) {
    let first: string;
    let last: string;
    let email: string;
    const repeat = duplicateEvery > 0 && row % duplicateEvery === duplicateEvery - 1 && distinct > 0;
    let companyName = '';
    if (repeat) {
      // mostly someone from anywhere earlier in the file, sometimes someone from the last few hundred rows
      const j = random.next() < 0.2 ? distinct - 1 - random.int(0, Math.min(distinct - 1, 500)) : random.int(0, distinct - 1);
      first = firstNames[firstOf[j]];
      last = lastOf[j] < 0 ? RARE_SURNAME : lastNames[lastOf[j]];
      email =
        random.next() < 0.5
          ? emailOf[j]
          : emailOf[j].replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_, c: string) => `@${c.toUpperCase()}`);
      duplicates++;
    } else {
      const f = random.int(0, firstNames.length - 1);
      const l = distinct % 10_007 === 7 ? -1 : random.int(0, lastNames.length - 1);
      first = firstNames[f];
      last = l < 0 ? RARE_SURNAME : lastNames[l];
      const c = company(random.int(0, companies - 1));
      const atCompany = random.next() < 0.75;
      companyName = atCompany || random.next() < 0.3 ? c.name : '';
      email = `${slug(first)}.${slug(last)}${distinct}@${atCompany ? c.domain : random.pick(FREE_MAIL)}`;
      firstOf[distinct] = f;
      lastOf[distinct] = l;
      emailOf.push(email);
      distinct++;
    }
    const plan = random.next() < 0.7 ? random.pick(PLANS) : '';
    const seats = plan && plan !== 'Free' ? String(random.int(1, 1000)) : '';
    const created = new Date(start + random.int(0, 700 * 86_400) * 1000).toISOString().slice(0, 10);
    chunk += [
      String(100_000 + row),
      email,
      first,
      last,
      random.next() < 0.8 ? phone(random) : '',
      random.next() < 0.9 ? jobTitle(random) : '',
      companyName,
      random.pick(STAGES),
      plan,
      seats,
      created,
    ]
      .map(csvCell)
      .join(',');
    chunk += '\n';
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');

  const result: ContactsCsv = {
    file,
    bytes: fs.statSync(file).size,
    rows: opts.rows,
    distinctEmails: distinct,
    duplicateRows: duplicates,
    searchTerms: { common: 'son', rare: RARE_SURNAME.toLowerCase() },
  };
  fs.writeFileSync(sidecar, JSON.stringify({ ...result, options: opts, version: GENERATOR_VERSION }));
  return result;
}
