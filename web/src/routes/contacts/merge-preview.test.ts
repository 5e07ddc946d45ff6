import { describe, expect, it } from 'vitest';
import type { Contact, CustomField, User } from '../../api/client.ts';
import { mergePreview } from './merge-preview.ts';

const contact = (c: Partial<Contact>): Contact => ({
  id: crypto.randomUUID(),
  email: null,
  firstName: null,
  lastName: null,
  phone: null,
  title: null,
  accountId: null,
  account: null,
  ownerId: null,
  lifecycleStage: null,
  tags: [],
  customFields: {},
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  ...c,
});

const field = (key: string, label: string, extra: Partial<CustomField> = {}) => ({ key, label, options: [], ...extra }) as unknown as CustomField;
const users = new Map([['u1', { id: 'u1', name: 'Sam Sales' } as User]]);

describe('mergePreview', () => {
  // the same pair as the server test (server/contacts/merge-contacts.test.ts)
  const kept = contact({ email: 'ada@work.example', firstName: 'Ada', tags: ['vip'], customFields: { plan: 'team' } });
  const other = contact({
    email: 'ada@personal.example',
    lastName: 'Lovelace',
    phone: '+1 555 0100',
    ownerId: 'u1',
    lifecycleStage: 'lead',
    tags: ['newsletter', 'vip'],
    customFields: { plan: 'free', seats: 3 },
  });
  const rows = mergePreview(kept, other, { customFields: [field('plan', 'Plan'), field('seats', 'Seats')], users });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it("keeps the survivor's values and says the other's are dropped", () => {
    expect(byKey.get('email')).toMatchObject({ result: 'ada@work.example', from: 'kept', otherLost: true });
    expect(byKey.get('customFields.plan')).toMatchObject({ label: 'Plan', result: 'team', from: 'kept', otherLost: true });
  });

  it('fills blanks from the other', () => {
    expect(byKey.get('lastName')).toMatchObject({ result: 'Lovelace', from: 'other', otherLost: false });
    expect(byKey.get('owner')).toMatchObject({ result: 'Sam Sales', from: 'other' });
    expect(byKey.get('lifecycleStage')).toMatchObject({ result: 'Lead', from: 'other' });
    expect(byKey.get('customFields.seats')).toMatchObject({ result: '3', from: 'other' });
  });

  it('unites tags, the survivor’s first', () => {
    expect(byKey.get('tags')).toMatchObject({ result: 'vip, newsletter', from: 'both' });
  });

  it('marks fields blank on both as none', () => {
    expect(byKey.get('title')).toMatchObject({ result: null, from: 'none' });
  });

  it('labels select options and skips custom fields blank on both', () => {
    const sized = field('size', 'Size', { options: [{ value: 'l', label: 'Large' }] } as Partial<CustomField>);
    const r = mergePreview(contact({}), contact({ customFields: { size: 'l' } }), { customFields: [sized, field('empty', 'Empty')], users });
    expect(r.find((x) => x.key === 'customFields.size')).toMatchObject({ result: 'Large', from: 'other' });
    expect(r.some((x) => x.key === 'customFields.empty')).toBe(false);
  });
});
