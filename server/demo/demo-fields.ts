// The custom fields a B2B SaaS marketing and sales team defines on day one. Keys are what the API
// filters on (`filter[customFields.lead_source]=Webinar`); option values are their own labels.
import type { CustomFieldObject, CustomFieldType } from '../db-schema.ts';
import { INTERESTS, PERSONAS } from './personas.ts';
import { PLANS, TECH_STACK } from './companies.ts';

export interface DemoFieldDefinition {
  objectType: CustomFieldObject;
  key: string;
  label: string;
  type: CustomFieldType;
  options?: readonly string[];
  description: string;
}

export const LEAD_SOURCES = ['Website', 'Webinar', 'Paid search', 'LinkedIn', 'Referral', 'Event', 'Partner', 'Outbound'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const DEMO_FIELDS: readonly DemoFieldDefinition[] = [
  {
    objectType: 'contact',
    key: 'lead_source',
    label: 'Lead source',
    type: 'select',
    options: LEAD_SOURCES,
    description: 'How this person first came to us. Set once; attribution reports group by it.',
  },
  {
    objectType: 'contact',
    key: 'persona',
    label: 'Persona',
    type: 'select',
    options: PERSONAS,
    description: 'Buyer persona, from the job title.',
  },
  {
    objectType: 'contact',
    key: 'newsletter_opt_in',
    label: 'Newsletter opt-in',
    type: 'boolean',
    description: 'Agreed to receive the monthly product newsletter.',
  },
  {
    objectType: 'contact',
    key: 'last_event_attended',
    label: 'Last event attended',
    type: 'date',
    description: 'Most recent webinar or trade show.',
  },
  {
    objectType: 'contact',
    key: 'interests',
    label: 'Interests',
    type: 'multi_select',
    options: INTERESTS,
    description: 'Topics they asked about.',
  },
  { objectType: 'account', key: 'plan', label: 'Plan', type: 'select', options: PLANS, description: 'Current Northwind subscription.' },
  { objectType: 'account', key: 'arr', label: 'ARR', type: 'number', description: 'Annual recurring revenue in USD.' },
  { objectType: 'account', key: 'renewal_date', label: 'Renewal date', type: 'date', description: 'Next contract renewal.' },
  {
    objectType: 'account',
    key: 'tech_stack',
    label: 'Tech stack',
    type: 'multi_select',
    options: TECH_STACK,
    description: 'Data platform and tools they run, from enrichment and discovery calls.',
  },
];
