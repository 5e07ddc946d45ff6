import { useQuery } from '@tanstack/react-query';
import type { CustomField, Import } from '../../api/client.ts';
import { customFieldsQuery } from '../../queries/custom-fields.ts';

export const OBJECT_LABELS: Record<Import['objectType'], string> = { contact: 'Contacts', account: 'Accounts', deal: 'Deals' };

/** Custom fields a column of this import can fill (deals have none). */
export function useImportFields(objectType: Import['objectType']): CustomField[] {
  const query = useQuery({ ...customFieldsQuery(objectType === 'deal' ? 'contact' : objectType), enabled: objectType !== 'deal' });
  return objectType === 'deal' ? [] : (query.data ?? []);
}

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
  amount: 'Amount',
  currency: 'Currency',
  stage: 'Stage (by name)',
  pipeline: 'Pipeline (by name)',
  product: 'Product (name or SKU)',
  createdAt: 'Created date',
  closeDate: 'Close date',
  closeReason: 'Close reason',
  dealType: 'Deal type',
};

/** How an import target ("firstName", "customFields.plan") reads in the mapping selects. */
export function targetLabel(target: string, customFields: CustomField[], objectType?: Import['objectType']): string {
  if (objectType === 'deal' && target === 'name') return 'Deal name';
  if (target.startsWith('customFields.')) {
    const key = target.slice('customFields.'.length);
    return customFields.find((f) => f.key === key)?.label ?? key;
  }
  return BUILT_IN[target] ?? target;
}
