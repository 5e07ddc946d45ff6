// Northwind's go-to-market team. Account executives own accounts by territory, SDRs qualify leads by
// region, marketers run the webinars and events, finance reads along. Emails use the reserved
// `.example` domain so they can never belong to a real person on a shared installation.
import type { Role } from '../db-schema.ts';
import type { Territory } from './companies.ts';

export type Job = 'admin' | 'ae' | 'sdr' | 'marketing' | 'viewer';

export interface Teammate {
  name: string;
  email: string;
  role: Role;
  job: Job;
  title: string;
  /** AEs: the accounts they own; SDRs: the leads they work ('enterprise' leads go to North America). */
  territory?: Territory;
}

export interface TeamMember extends Teammate {
  id: string;
}

export const TEAMMATES: readonly Teammate[] = [
  {
    name: 'Maya Chen',
    email: 'maya.chen@northwind.example',
    role: 'sales',
    job: 'ae',
    title: 'Enterprise Account Executive',
    territory: 'enterprise',
  },
  {
    name: 'Daniel Okafor',
    email: 'daniel.okafor@northwind.example',
    role: 'sales',
    job: 'ae',
    title: 'Account Executive, North America & APAC',
    territory: 'north_america',
  },
  {
    name: 'Sofia Lindqvist',
    email: 'sofia.lindqvist@northwind.example',
    role: 'sales',
    job: 'ae',
    title: 'Account Executive, EMEA',
    territory: 'emea',
  },
  {
    name: 'Marcus Rivera',
    email: 'marcus.rivera@northwind.example',
    role: 'sales',
    job: 'sdr',
    title: 'Sales Development Representative',
    territory: 'north_america',
  },
  {
    name: 'Priya Nair',
    email: 'priya.nair@northwind.example',
    role: 'sales',
    job: 'sdr',
    title: 'Sales Development Representative, EMEA',
    territory: 'emea',
  },
  {
    name: 'Hannah Becker',
    email: 'hannah.becker@northwind.example',
    role: 'marketing',
    job: 'marketing',
    title: 'Demand Generation Manager',
  },
  {
    name: 'Tom Delaney',
    email: 'tom.delaney@northwind.example',
    role: 'marketing',
    job: 'marketing',
    title: 'Marketing Operations Manager',
  },
  { name: 'Grace Mensah', email: 'grace.mensah@northwind.example', role: 'viewer', job: 'viewer', title: 'Finance Director' },
];

/** The admin's display name when the demo creates the admin user. */
export const ADMIN_NAME = 'Alex Morgan';

/** Who owns what, resolved once the team has ids. */
export class Staffing {
  constructor(readonly members: readonly TeamMember[]) {}

  private find(job: Job, territory?: Territory): TeamMember {
    const found =
      this.members.find((m) => m.job === job && (!territory || m.territory === territory)) ?? this.members.find((m) => m.job === job);
    if (!found) throw new Error(`the demo team has no ${job}`);
    return found;
  }

  accountExecutive(territory: Territory): TeamMember {
    return this.find('ae', territory);
  }

  /** Enterprise and North American leads go to the North American SDR. */
  sdr(territory: Territory): TeamMember {
    return this.find('sdr', territory === 'emea' ? 'emea' : 'north_america');
  }

  marketers(): TeamMember[] {
    return this.members.filter((m) => m.job === 'marketing');
  }

  byId(id: string | null | undefined): TeamMember | undefined {
    return id ? this.members.find((m) => m.id === id) : undefined;
  }
}
