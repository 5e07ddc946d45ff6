import type { CustomField } from '../../api/client.ts';

const BUILT_IN: Record<string, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  title: 'Job title',
  lifecycleStage: 'Lifecycle stage',
  tags: 'Tags',
  owner: 'Owner (member email or name)',
  accountName: 'Company name',
  accountDomain: 'Company domain',
  name: 'Name',
  domain: 'Domain',
  industry: 'Industry',
  employeeCount: 'Employees',
  annualRevenue: 'Annual revenue',
  country: 'Country',
};

/** How an import target ("firstName", "customFields.plan") reads in the mapping selects. */
export function targetLabel(target: string, customFields: CustomField[]): string {
  if (target.startsWith('customFields.')) {
    const key = target.slice('customFields.'.length);
    return customFields.find((f) => f.key === key)?.label ?? key;
  }
  return BUILT_IN[target] ?? target;
}
