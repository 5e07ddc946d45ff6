// Suggests which Tandem field each CSV column holds, from its header. Knows the headers of HubSpot
// and Salesforce exports (and common variants), so an export from either maps with no clicks.
// Pure: headers in, mapping out.

export type ImportObject = 'contact' | 'account' | 'deal';

export const CONTACT_TARGETS = ['email', 'firstName', 'lastName', 'phone', 'title', 'lifecycleStage', 'tags', 'owner', 'accountName', 'accountDomain'] as const;
export const ACCOUNT_TARGETS = ['name', 'domain', 'industry', 'employeeCount', 'annualRevenue', 'country', 'owner'] as const;
export const DEAL_TARGETS = [
  'name', 'amount', 'currency', 'stage', 'pipeline', 'owner', 'accountName', 'accountDomain', 'product', 'createdAt', 'closeDate', 'closeReason', 'dealType',
] as const;

/** Header (normalised: lowercase, letters and digits only) → target field. */
const CONTACT_ALIASES: Record<string, string> = {
  email: 'email', emailaddress: 'email', email1: 'email', primaryemail: 'email', workemail: 'email', businessemail: 'email', mail: 'email',
  firstname: 'firstName', givenname: 'firstName', first: 'firstName', prenom: 'firstName',
  lastname: 'lastName', surname: 'lastName', familyname: 'lastName', last: 'lastName', nom: 'lastName',
  phone: 'phone', phonenumber: 'phone', mobilephone: 'phone', mobilephonenumber: 'phone', mobile: 'phone', businessphone: 'phone', workphone: 'phone', telephone: 'phone',
  title: 'title', jobtitle: 'title', position: 'title', role: 'title',
  lifecyclestage: 'lifecycleStage', lifecycle: 'lifecycleStage',
  tags: 'tags', tag: 'tags', labels: 'tags', label: 'tags',
  contactowner: 'owner', owner: 'owner', owneremail: 'owner', leadowner: 'owner', hubspotowner: 'owner', ownername: 'owner',
  companyname: 'accountName', company: 'accountName', accountname: 'accountName', associatedcompany: 'accountName', organization: 'accountName', organisation: 'accountName',
  companydomainname: 'accountDomain', companydomain: 'accountDomain', website: 'accountDomain', websiteurl: 'accountDomain', domain: 'accountDomain', companywebsite: 'accountDomain',
};

const ACCOUNT_ALIASES: Record<string, string> = {
  name: 'name', companyname: 'name', accountname: 'name', company: 'name', organization: 'name', organisation: 'name',
  domain: 'domain', companydomainname: 'domain', companydomain: 'domain', website: 'domain', websiteurl: 'domain', url: 'domain',
  industry: 'industry', sector: 'industry',
  employees: 'employeeCount', numberofemployees: 'employeeCount', employeecount: 'employeeCount', headcount: 'employeeCount', companysize: 'employeeCount',
  annualrevenue: 'annualRevenue', revenue: 'annualRevenue',
  country: 'country', countryregion: 'country', billingcountry: 'country', shippingcountry: 'country', hqcountry: 'country',
  companyowner: 'owner', accountowner: 'owner', owner: 'owner', owneremail: 'owner',
};

/** HubSpot deal exports and Salesforce opportunity exports, plus common variants. */
const DEAL_ALIASES: Record<string, string> = {
  name: 'name', dealname: 'name', opportunityname: 'name', deal: 'name', opportunity: 'name', title: 'name',
  amount: 'amount', dealamount: 'amount', value: 'amount', dealvalue: 'amount', totalamount: 'amount', amountincompanycurrency: 'amount',
  currency: 'currency', dealcurrency: 'currency', currencycode: 'currency', opportunitycurrency: 'currency', dealcurrencycode: 'currency',
  stage: 'stage', dealstage: 'stage', opportunitystage: 'stage', stagename: 'stage', status: 'stage',
  pipeline: 'pipeline', dealpipeline: 'pipeline', pipelinename: 'pipeline',
  dealowner: 'owner', opportunityowner: 'owner', owner: 'owner', owneremail: 'owner', ownername: 'owner', hubspotowner: 'owner', salesrep: 'owner', rep: 'owner',
  associatedcompany: 'accountName', accountname: 'accountName', companyname: 'accountName', company: 'accountName', account: 'accountName', organization: 'accountName', organisation: 'accountName',
  associatedcompanydomain: 'accountDomain', companydomainname: 'accountDomain', companydomain: 'accountDomain', website: 'accountDomain', accountwebsite: 'accountDomain', domain: 'accountDomain',
  product: 'product', productname: 'product', products: 'product', productcode: 'product', sku: 'product', lineitem: 'product',
  createdate: 'createdAt', createddate: 'createdAt', created: 'createdAt', createdat: 'createdAt', datecreated: 'createdAt', creationdate: 'createdAt', engageddate: 'createdAt',
  closedate: 'closeDate', closeddate: 'closeDate', expectedclosedate: 'closeDate', dateclosed: 'closeDate', closedat: 'closeDate',
  closereason: 'closeReason', closedlostreason: 'closeReason', closedwonreason: 'closeReason', lossreason: 'closeReason', reason: 'closeReason', winlossreason: 'closeReason',
  dealtype: 'dealType', type: 'dealType', opportunitytype: 'dealType',
};

export function normaliseHeader(header: string): string {
  return header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Returns header → target ('' when nothing fits). Custom fields match by key or label. Each target
 * is used at most once: the first column that claims it wins (e.g. "Email" before "Email 2").
 */
export function suggestMapping(
  objectType: ImportObject,
  headers: string[],
  customFields: Array<{ key: string; label: string }>,
): Record<string, string> {
  const aliases = objectType === 'contact' ? CONTACT_ALIASES : objectType === 'account' ? ACCOUNT_ALIASES : DEAL_ALIASES;
  const custom = new Map<string, string>();
  for (const f of customFields) {
    custom.set(normaliseHeader(f.key), `customFields.${f.key}`);
    custom.set(normaliseHeader(f.label), `customFields.${f.key}`);
  }
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const n = normaliseHeader(header);
    const target = custom.get(n) ?? aliases[n] ?? '';
    if (target && !used.has(target)) {
      mapping[header] = target;
      used.add(target);
    } else {
      mapping[header] = '';
    }
  }
  return mapping;
}

export function importTargets(objectType: ImportObject, customFields: Array<{ key: string }>): string[] {
  const base: readonly string[] = objectType === 'contact' ? CONTACT_TARGETS : objectType === 'account' ? ACCOUNT_TARGETS : DEAL_TARGETS;
  return [...base, ...customFields.map((f) => `customFields.${f.key}`)];
}
