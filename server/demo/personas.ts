// Who Northwind Analytics sells to: buyer personas, the job titles behind them (small companies have
// founders and generalists, large ones have specialists) and the product themes each cares about.
// The persona names are the options of the contacts' "Persona" custom field.
import { weighted, type Rng } from './random.ts';

export const PERSONAS = ['Executive', 'Data leader', 'Analyst', 'Engineer', 'Marketing', 'Finance', 'Operations', 'Sales'] as const;
export type Persona = (typeof PERSONAS)[number];

export const INTERESTS = [
  'Dashboards',
  'Self-serve BI',
  'Data warehouse',
  'Embedded analytics',
  'Forecasting',
  'Data governance',
  'AI insights',
  'Marketing analytics',
] as const;
export type Interest = (typeof INTERESTS)[number];

interface PersonaProfile {
  /** Titles at companies under 200 people, and at larger ones. */
  small: string[];
  large: string[];
  interests: Interest[];
  /** Relative frequency among contacts at small and at large companies. */
  weightSmall: number;
  weightLarge: number;
}

export const PERSONA_PROFILES: Record<Persona, PersonaProfile> = {
  Executive: {
    small: ['Founder & CEO', 'CEO', 'Co-founder', 'COO', 'CTO', 'Managing Director', 'President'],
    large: ['Chief Data Officer', 'CFO', 'CIO', 'COO', 'CTO', 'SVP Operations', 'Chief Digital Officer', 'General Manager'],
    interests: ['Forecasting', 'AI insights', 'Dashboards'],
    weightSmall: 30,
    weightLarge: 6,
  },
  'Data leader': {
    small: ['Head of Data', 'Analytics Lead', 'Head of BI', 'Data Team Lead'],
    large: [
      'VP Data',
      'Director of Analytics',
      'Head of Business Intelligence',
      'Director of Data Engineering',
      'Analytics Manager',
      'Head of Data Platform',
    ],
    interests: ['Data governance', 'Self-serve BI', 'Data warehouse', 'AI insights'],
    weightSmall: 10,
    weightLarge: 16,
  },
  Analyst: {
    small: ['Data Analyst', 'Business Analyst', 'Analyst'],
    large: [
      'Senior Data Analyst',
      'BI Analyst',
      'Business Analyst',
      'Analytics Engineer',
      'Data Scientist',
      'Lead Data Analyst',
      'Insights Analyst',
    ],
    interests: ['Dashboards', 'Self-serve BI', 'Forecasting'],
    weightSmall: 15,
    weightLarge: 24,
  },
  Engineer: {
    small: ['Software Engineer', 'Data Engineer', 'Full-stack Developer', 'Lead Engineer'],
    large: [
      'Data Engineer',
      'Senior Data Engineer',
      'Data Architect',
      'Platform Engineer',
      'Staff Software Engineer',
      'Solutions Architect',
    ],
    interests: ['Data warehouse', 'Embedded analytics', 'Data governance'],
    weightSmall: 14,
    weightLarge: 18,
  },
  Marketing: {
    small: ['Head of Marketing', 'Marketing Manager', 'Growth Marketer', 'Marketing Lead'],
    large: [
      'VP Marketing',
      'Director of Demand Generation',
      'Marketing Operations Manager',
      'Head of Growth',
      'CMO',
      'Digital Marketing Manager',
    ],
    interests: ['Marketing analytics', 'Dashboards', 'AI insights'],
    weightSmall: 13,
    weightLarge: 13,
  },
  Finance: {
    small: ['Finance Manager', 'Head of Finance', 'Controller'],
    large: ['VP Finance', 'FP&A Manager', 'Financial Controller', 'Senior FP&A Analyst', 'Director of Finance'],
    interests: ['Forecasting', 'Dashboards'],
    weightSmall: 6,
    weightLarge: 9,
  },
  Operations: {
    small: ['Operations Manager', 'Head of Operations', 'Office Manager'],
    large: ['Director of Operations', 'RevOps Manager', 'Supply Chain Manager', 'Operations Analyst', 'Program Manager'],
    interests: ['Dashboards', 'Forecasting', 'Self-serve BI'],
    weightSmall: 9,
    weightLarge: 8,
  },
  Sales: {
    small: ['Head of Sales', 'Account Executive', 'Sales Manager'],
    large: ['VP Sales', 'Sales Operations Manager', 'Regional Sales Director', 'Head of Sales Enablement'],
    interests: ['Dashboards', 'Forecasting'],
    weightSmall: 6,
    weightLarge: 5,
  },
};

const pickSmall = weighted(PERSONAS.map((p) => [p, PERSONA_PROFILES[p].weightSmall] as const));
const pickLarge = weighted(PERSONAS.map((p) => [p, PERSONA_PROFILES[p].weightLarge] as const));

export function pickPersona(rng: Rng, employees: number): Persona {
  return employees < 200 ? pickSmall(rng) : pickLarge(rng);
}

export function pickTitle(rng: Rng, persona: Persona, employees: number): string {
  const p = PERSONA_PROFILES[persona];
  return rng.pick(employees < 200 ? p.small : p.large);
}

/** 0–3 interests, mostly from the persona's own themes. */
export function pickInterests(rng: Rng, persona: Persona): Interest[] {
  const count = rng.int(0, 3);
  const out = new Set<Interest>();
  const own = PERSONA_PROFILES[persona].interests;
  for (let i = 0; i < count; i++) out.add(rng.chance(0.8) ? rng.pick(own) : rng.pick(INTERESTS));
  return INTERESTS.filter((x) => out.has(x));
}

/** Seniority decides the VIP tag and who sales talks to first. */
export function isSenior(title: string): boolean {
  return /\b(CEO|CFO|CIO|CTO|COO|CMO|Chief|VP|SVP|Head|Director|Founder|President|Managing Director|General Manager)\b/.test(title);
}
