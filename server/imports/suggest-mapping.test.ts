import { describe, expect, it } from 'vitest';
import { suggestMapping } from './suggest-mapping.ts';

describe('suggested column mapping', () => {
  it('maps a HubSpot contacts export', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Lifecycle Stage', 'Contact owner', 'Company Name', 'Create Date', 'Persona'];
    expect(suggestMapping('contact', headers, [{ key: 'persona', label: 'Persona' }])).toEqual({
      'Record ID': '',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Job Title': 'title',
      'Lifecycle Stage': 'lifecycleStage',
      'Contact owner': 'owner',
      'Company Name': 'accountName',
      'Create Date': '',
      Persona: 'customFields.persona',
    });
  });

  it('maps a Salesforce contacts export, first matching column wins', () => {
    const headers = ['Contact ID', 'First Name', 'Last Name', 'Title', 'Email', 'Phone', 'Mobile', 'Account Name', 'Contact Owner', 'Mailing Country'];
    expect(suggestMapping('contact', headers, [])).toMatchObject({
      Title: 'title',
      Email: 'email',
      Phone: 'phone',
      Mobile: '',
      'Account Name': 'accountName',
      'Contact Owner': 'owner',
      'Mailing Country': '',
    });
  });

  it('maps Salesforce and HubSpot company exports', () => {
    expect(suggestMapping('account', ['Account Name', 'Website', 'Industry', 'Employees', 'Annual Revenue', 'Billing Country', 'Account Owner'], [])).toEqual({
      'Account Name': 'name',
      Website: 'domain',
      Industry: 'industry',
      Employees: 'employeeCount',
      'Annual Revenue': 'annualRevenue',
      'Billing Country': 'country',
      'Account Owner': 'owner',
    });
    expect(suggestMapping('account', ['Company name', 'Company Domain Name', 'Number of Employees', 'Country/Region', 'Company owner'], [])).toEqual({
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Number of Employees': 'employeeCount',
      'Country/Region': 'country',
      'Company owner': 'owner',
    });
  });

  it('maps HubSpot deal and Salesforce opportunity exports', () => {
    expect(
      suggestMapping('deal', ['Record ID', 'Deal Name', 'Amount', 'Deal Stage', 'Pipeline', 'Deal owner', 'Close Date', 'Create Date', 'Associated Company', 'Deal Type'], []),
    ).toEqual({
      'Record ID': '',
      'Deal Name': 'name',
      Amount: 'amount',
      'Deal Stage': 'stage',
      Pipeline: 'pipeline',
      'Deal owner': 'owner',
      'Close Date': 'closeDate',
      'Create Date': 'createdAt',
      'Associated Company': 'accountName',
      'Deal Type': 'dealType',
    });
    expect(
      suggestMapping('deal', ['Opportunity ID', 'Opportunity Name', 'Amount', 'Stage', 'Opportunity Owner', 'Account Name', 'Close Date', 'Created Date', 'Product', 'Type', 'Loss Reason'], []),
    ).toEqual({
      'Opportunity ID': '',
      'Opportunity Name': 'name',
      Amount: 'amount',
      Stage: 'stage',
      'Opportunity Owner': 'owner',
      'Account Name': 'accountName',
      'Close Date': 'closeDate',
      'Created Date': 'createdAt',
      Product: 'product',
      Type: 'dealType',
      'Loss Reason': 'closeReason',
    });
  });
});
