// Walks EVERY route as an admin of workspace B against workspace A's ids and asserts B can neither
// read nor change A's data. The table must name every route the server has: a new route without a
// row here fails the test, so tenancy is considered for each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { processTrackingInbox } from '../tracking/inbox.ts';

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
const ids: Record<string, string> = {};
let aWriteKey = '';

interface Case {
  url: string;
  body?: unknown;
  /** Statuses that prove B got nothing of A's. */
  expect: number[];
  contentType?: string;
}

const json = (v: unknown) => JSON.stringify(v);

// `:x` placeholders are replaced with A's ids
const CASES: Record<string, Case> = {
  'GET /api/v1/session': { url: '/api/v1/session', expect: [200] },
  'POST /api/v1/session': { url: '/api/v1/session', body: { email: 'admin-a@example.com', password: 'wrong password', workspaceId: ':workspace' }, expect: [401] },
  'DELETE /api/v1/session': { url: '/api/v1/session', expect: [200] },
  'POST /api/v1/session/workspace': { url: '/api/v1/session/workspace', body: { workspaceId: ':workspace' }, expect: [403] },
  'POST /api/v1/onboarding': { url: '/api/v1/onboarding', body: { workspaceName: 'X', name: 'X', email: 'x@example.com', password: 'password123' }, expect: [409] },
  'GET /api/v1/invitations/lookup': { url: '/api/v1/invitations/lookup?token=not-a-real-token', expect: [404] },
  'POST /api/v1/invitations/accept': { url: '/api/v1/invitations/accept', body: { token: 'not-a-real-token', password: 'password123', name: 'X' }, expect: [404] },
  'GET /api/v1/workspace': { url: '/api/v1/workspace', expect: [200] },
  'PATCH /api/v1/workspace': { url: '/api/v1/workspace', body: { name: 'B renamed' }, expect: [200] },
  'GET /api/v1/users': { url: '/api/v1/users', expect: [200] },
  'POST /api/v1/users': { url: '/api/v1/users', body: { email: 'sales-a@example.com', role: 'viewer' }, expect: [201] },
  'GET /api/v1/users/{id}': { url: '/api/v1/users/:user', expect: [404] },
  'PATCH /api/v1/users/{id}': { url: '/api/v1/users/:user', body: { role: 'viewer' }, expect: [404] },
  'DELETE /api/v1/users/{id}': { url: '/api/v1/users/:user', expect: [404] },
  'GET /api/v1/invitations': { url: '/api/v1/invitations', expect: [200] },
  'DELETE /api/v1/invitations/{id}': { url: '/api/v1/invitations/:invitation', expect: [404] },
  'GET /api/v1/api-keys': { url: '/api/v1/api-keys', expect: [200] },
  'POST /api/v1/api-keys': { url: '/api/v1/api-keys', body: { name: 'b key' }, expect: [201] },
  'GET /api/v1/api-keys/{id}': { url: '/api/v1/api-keys/:apiKey', expect: [404] },
  'DELETE /api/v1/api-keys/{id}': { url: '/api/v1/api-keys/:apiKey', expect: [404] },
  'GET /api/v1/custom-fields': { url: '/api/v1/custom-fields', expect: [200] },
  'POST /api/v1/custom-fields': { url: '/api/v1/custom-fields', body: { objectType: 'contact', label: 'Plan', type: 'text' }, expect: [201] },
  'GET /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', expect: [404] },
  'PATCH /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', body: { label: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', expect: [404] },
  'GET /api/v1/contacts': { url: '/api/v1/contacts?filter[accountId]=:account&filter[id]=:contact', expect: [200] },
  'POST /api/v1/contacts': { url: '/api/v1/contacts', body: { email: 'new@b.example', accountId: ':account' }, expect: [400] },
  'GET /api/v1/contacts/tags': { url: '/api/v1/contacts/tags?q=orig', expect: [200] },
  'GET /api/v1/contacts/export': { url: '/api/v1/contacts/export?filter[id]=:contact', expect: [200] },
  'GET /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', expect: [404] },
  'PATCH /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', body: { firstName: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', expect: [404] },
  'POST /api/v1/contacts/batch/upsert': { url: '/api/v1/contacts/batch/upsert', body: { records: [{ email: 'jane@a-corp.example', firstName: 'Hijacked' }] }, expect: [200] },
  'POST /api/v1/contacts/bulk': { url: '/api/v1/contacts/bulk', body: { action: 'addTags', tags: ['hijacked'], ids: [':contact'] }, expect: [200] },
  'POST /api/v1/contacts/{id}/restore': { url: '/api/v1/contacts/:deletedContact/restore', expect: [404] },
  'GET /api/v1/accounts': { url: '/api/v1/accounts?filter[id]=:account', expect: [200] },
  'POST /api/v1/accounts': { url: '/api/v1/accounts', body: { name: 'B', ownerId: ':user' }, expect: [400] },
  'GET /api/v1/accounts/export': { url: '/api/v1/accounts/export', expect: [200] },
  'GET /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', expect: [404] },
  'PATCH /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', expect: [404] },
  'POST /api/v1/accounts/{id}/restore': { url: '/api/v1/accounts/:deletedAccount/restore', expect: [404] },
  'POST /api/v1/accounts/batch/upsert': { url: '/api/v1/accounts/batch/upsert', body: { records: [{ domain: 'a-corp.example', name: 'Hijacked' }] }, expect: [200] },
  'GET /api/v1/notes': { url: '/api/v1/notes?filter[contactId]=:contact', expect: [200] },
  'POST /api/v1/notes': { url: '/api/v1/notes', body: { contactId: ':contact', body: 'hijack' }, expect: [400] },
  'GET /api/v1/notes/{id}': { url: '/api/v1/notes/:note', expect: [404] },
  'PATCH /api/v1/notes/{id}': { url: '/api/v1/notes/:note', body: { body: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/notes/{id}': { url: '/api/v1/notes/:note', expect: [404] },
  'POST /api/v1/notes/{id}/restore': { url: '/api/v1/notes/:deletedNote/restore', expect: [404] },
  'GET /api/v1/outbox': { url: '/api/v1/outbox', expect: [200] },
  'POST /api/v1/imports': { url: '/api/v1/imports?objectType=contact', body: 'email\nx@b.example\n', contentType: 'text/csv', expect: [201] },
  'GET /api/v1/imports': { url: '/api/v1/imports', expect: [200] },
  'GET /api/v1/imports/{id}': { url: '/api/v1/imports/:import', expect: [404] },
  'POST /api/v1/imports/{id}/start': { url: '/api/v1/imports/:import/start', body: { mapping: { email: 'email' } }, expect: [404] },
  'POST /api/v1/imports/{id}/values': { url: '/api/v1/imports/:import/values', body: { mapping: { email: 'email' } }, expect: [404] },
  'POST /api/v1/imports/{id}/cancel': { url: '/api/v1/imports/:import/cancel', expect: [404] },
  'GET /api/v1/imports/{id}/errors': { url: '/api/v1/imports/:import/errors', expect: [404] },
  'GET /api/v1/campaigns': { url: '/api/v1/campaigns?q=secret', expect: [200] },
  'POST /api/v1/campaigns': { url: '/api/v1/campaigns', body: { name: 'B launch', utmCampaign: 'a-secret-key' }, expect: [201] },
  'GET /api/v1/campaigns/{id}': { url: '/api/v1/campaigns/:campaign', expect: [404] },
  'PATCH /api/v1/campaigns/{id}': { url: '/api/v1/campaigns/:campaign', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/campaigns/{id}': { url: '/api/v1/campaigns/:campaign', expect: [404] },
  'POST /api/v1/campaigns/{id}/restore': { url: '/api/v1/campaigns/:deletedCampaign/restore', expect: [404] },
  'GET /api/v1/channels': { url: '/api/v1/channels', expect: [200] },
  'GET /api/v1/channel-rules': { url: '/api/v1/channel-rules', expect: [200] },
  'PUT /api/v1/channel-rules': { url: '/api/v1/channel-rules', body: { rules: [{ channel: 'B channel', conditions: [] }] }, expect: [200] },
  'POST /api/v1/channel-rules/test': { url: '/api/v1/channel-rules/test', body: { landingUrl: 'https://b.example/?utm_source=a-only' }, expect: [200] },
  'POST /api/v1/channel-rules/reset': { url: '/api/v1/channel-rules/reset', expect: [200] },
  'GET /api/v1/forms': { url: '/api/v1/forms?q=form', expect: [200] },
  'POST /api/v1/forms': { url: '/api/v1/forms', body: { name: 'B form', fields: [{ property: 'email', label: 'Email' }] }, expect: [201] },
  'GET /api/v1/forms/{id}': { url: '/api/v1/forms/:form', expect: [404] },
  'PATCH /api/v1/forms/{id}': { url: '/api/v1/forms/:form', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/forms/{id}': { url: '/api/v1/forms/:form', expect: [404] },
  'POST /api/v1/forms/{id}/restore': { url: '/api/v1/forms/:deletedForm/restore', expect: [404] },
  'GET /api/v1/forms/{id}/submissions': { url: '/api/v1/forms/:form/submissions', expect: [404] },
  'GET /api/v1/forms/{id}/analytics': { url: '/api/v1/forms/:form/analytics', expect: [404] },
  // public by design (what any visitor of A's form sees and does): no private data may come back
  'GET /api/v1/forms/{id}/public': { url: '/api/v1/forms/:form/public', expect: [200] },
  'POST /api/v1/forms/{id}/submissions': { url: '/api/v1/forms/:form/submissions', body: { fields: { email: 'visitor@b.example' } }, expect: [201] },
  'GET /api/v1/activities': { url: '/api/v1/activities?filter[contactId]=:contact&filter[assigneeId]=:user', expect: [200] },
  'POST /api/v1/activities': { url: '/api/v1/activities', body: { type: 'task', subject: 'Hijack', contactId: ':contact', assigneeId: ':user' }, expect: [400] },
  'GET /api/v1/activities/{id}': { url: '/api/v1/activities/:activity', expect: [404] },
  'PATCH /api/v1/activities/{id}': { url: '/api/v1/activities/:activity', body: { subject: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/activities/{id}': { url: '/api/v1/activities/:activity', expect: [404] },
  'POST /api/v1/activities/{id}/restore': { url: '/api/v1/activities/:deletedActivity/restore', expect: [404] },
  'POST /api/v1/activities/{id}/complete': { url: '/api/v1/activities/:activity/complete', expect: [404] },
  'POST /api/v1/activities/{id}/reopen': { url: '/api/v1/activities/:activity/reopen', expect: [404] },
  'GET /api/v1/my-work': { url: '/api/v1/my-work?assigneeId=:user', expect: [400] },
  'GET /api/v1/my-work/counts': { url: '/api/v1/my-work/counts?assigneeId=:user', expect: [400] },
  'GET /api/v1/sources': { url: '/api/v1/sources', expect: [200] },
  'POST /api/v1/sources': { url: '/api/v1/sources', body: { name: 'B site' }, expect: [201] },
  'GET /api/v1/sources/{id}': { url: '/api/v1/sources/:source', expect: [404] },
  'PATCH /api/v1/sources/{id}': { url: '/api/v1/sources/:source', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/sources/{id}': { url: '/api/v1/sources/:source', expect: [404] },
  'POST /api/v1/sources/{id}/rotate-key': { url: '/api/v1/sources/:source/rotate-key', expect: [404] },
  'GET /api/v1/events': { url: '/api/v1/events?filter[contactId]=:contact', expect: [200] },
  'GET /api/v1/touches': { url: '/api/v1/touches?filter[accountId]=:account', expect: [200] },
  'GET /api/v1/contacts/{id}/timeline': { url: '/api/v1/contacts/:contact/timeline', expect: [404] },
  'GET /api/v1/accounts/{id}/timeline': { url: '/api/v1/accounts/:account/timeline', expect: [404] },
  'POST /api/v1/contacts/{id}/merge': { url: '/api/v1/contacts/:contact/merge', body: { otherId: ':deletedContact' }, expect: [404] },
  // the Segment-compatible API takes write keys only: B's API key opens nothing there
  'POST /v1/track': { url: '/v1/track', body: { userId: 'x', event: 'Hijack' }, expect: [401] },
  'POST /v1/identify': { url: '/v1/identify', body: { userId: 'x', traits: { email: 'jane@a-corp.example' } }, expect: [401] },
  'POST /v1/page': { url: '/v1/page', body: { anonymousId: 'x' }, expect: [401] },
  'POST /v1/screen': { url: '/v1/screen', body: { anonymousId: 'x' }, expect: [401] },
  'POST /v1/group': { url: '/v1/group', body: { userId: 'x', groupId: 'a-corp.example' }, expect: [401] },
  'POST /v1/alias': { url: '/v1/alias', body: { userId: 'x', previousId: 'y' }, expect: [401] },
  'POST /v1/batch': { url: '/v1/batch', body: { batch: [{ type: 'track', userId: 'x', event: 'Hijack' }] }, expect: [401] },
  'GET /api/v1/pipelines': { url: '/api/v1/pipelines', expect: [200] },
  'POST /api/v1/pipelines': { url: '/api/v1/pipelines', body: { name: 'B pipeline' }, expect: [201] },
  'GET /api/v1/pipelines/{id}': { url: '/api/v1/pipelines/:pipeline', expect: [404] },
  'PATCH /api/v1/pipelines/{id}': { url: '/api/v1/pipelines/:pipeline', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/pipelines/{id}': { url: '/api/v1/pipelines/:pipeline', expect: [404] },
  'POST /api/v1/pipelines/{id}/stages': { url: '/api/v1/pipelines/:pipeline/stages', body: { name: 'Hijack' }, expect: [404] },
  'PATCH /api/v1/pipelines/{id}/stages/{stageId}': { url: '/api/v1/pipelines/:pipeline/stages/:stage', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/pipelines/{id}/stages/{stageId}': { url: '/api/v1/pipelines/:pipeline/stages/:stage?moveDealsTo=:stage', expect: [404] },
  'PUT /api/v1/pipelines/{id}/stage-order': { url: '/api/v1/pipelines/:pipeline/stage-order', body: { stageIds: [':stage'] }, expect: [404] },
  'GET /api/v1/pipelines/{id}/board': { url: '/api/v1/pipelines/:pipeline/board', expect: [404] },
  'GET /api/v1/close-reasons': { url: '/api/v1/close-reasons', expect: [200] },
  'POST /api/v1/close-reasons': { url: '/api/v1/close-reasons', body: { kind: 'won', label: 'B reason' }, expect: [201] },
  'GET /api/v1/close-reasons/{id}': { url: '/api/v1/close-reasons/:closeReason', expect: [404] },
  'PATCH /api/v1/close-reasons/{id}': { url: '/api/v1/close-reasons/:closeReason', body: { label: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/close-reasons/{id}': { url: '/api/v1/close-reasons/:closeReason', expect: [404] },
  'GET /api/v1/products': { url: '/api/v1/products?q=secret', expect: [200] },
  'POST /api/v1/products': { url: '/api/v1/products', body: { name: 'B product', sku: 'A-SECRET-SKU', unitPrice: 1 }, expect: [201] },
  'GET /api/v1/products/{id}': { url: '/api/v1/products/:product', expect: [404] },
  'PATCH /api/v1/products/{id}': { url: '/api/v1/products/:product', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/products/{id}': { url: '/api/v1/products/:product', expect: [404] },
  'GET /api/v1/deals': { url: '/api/v1/deals?filter[accountId]=:account&filter[pipelineId]=:pipeline&q=secret', expect: [200] },
  'POST /api/v1/deals': { url: '/api/v1/deals', body: { name: 'B deal', stageId: ':stage', accountId: ':account', parentDealId: ':deal' }, expect: [400] },
  'GET /api/v1/deals/{id}': { url: '/api/v1/deals/:deal', expect: [404] },
  'PATCH /api/v1/deals/{id}': { url: '/api/v1/deals/:deal', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/deals/{id}': { url: '/api/v1/deals/:deal', expect: [404] },
  'POST /api/v1/deals/{id}/restore': { url: '/api/v1/deals/:deletedDeal/restore', expect: [404] },
  'POST /api/v1/deals/{id}/move': { url: '/api/v1/deals/:deal/move', body: { stageId: ':stage' }, expect: [404] },
  'GET /api/v1/deals/{id}/history': { url: '/api/v1/deals/:deal/history', expect: [404] },
  'GET /api/v1/deals/{id}/contacts': { url: '/api/v1/deals/:deal/contacts', expect: [404] },
  'PUT /api/v1/deals/{id}/contacts': { url: '/api/v1/deals/:deal/contacts', body: { contacts: [{ contactId: ':contact', role: 'champion' }] }, expect: [404] },
  'GET /api/v1/deals/{id}/line-items': { url: '/api/v1/deals/:deal/line-items', expect: [404] },
  'PUT /api/v1/deals/{id}/line-items': { url: '/api/v1/deals/:deal/line-items', body: { items: [{ productId: ':product', quantity: 1 }] }, expect: [404] },
  'GET /api/v1/deals/{id}/timeline': { url: '/api/v1/deals/:deal/timeline', expect: [404] },
  'GET /api/v1/renewals': { url: '/api/v1/renewals?from=2000-01-01&to=2100-01-01', expect: [200] },
  'GET /api/v1/quotas': { url: '/api/v1/quotas?filter[ownerId]=:user', expect: [200] },
  'POST /api/v1/quotas': { url: '/api/v1/quotas', body: { ownerId: ':user', period: '2026-Q4', amount: 1 }, expect: [400] },
  'GET /api/v1/quotas/{id}': { url: '/api/v1/quotas/:quota', expect: [404] },
  'PATCH /api/v1/quotas/{id}': { url: '/api/v1/quotas/:quota', body: { amount: 1 }, expect: [404] },
  'DELETE /api/v1/quotas/{id}': { url: '/api/v1/quotas/:quota', expect: [404] },
  'GET /api/v1/forecast': { url: '/api/v1/forecast?period=2026-Q4&pipelineId=:pipeline', expect: [400] },
  'GET /api/v1/metrics/sales': { url: '/api/v1/metrics/sales?from=2026-01-01&to=2026-12-31&ownerId=:user', expect: [400] },
};

function fill(value: string): string {
  return value.replace(/:([a-zA-Z]+)/g, (m, key: string) => ids[key] ?? m);
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestWorkspace(server, 'A Corp');
  b = await createTestWorkspace(server, 'B Corp');
  ids.workspace = a.workspaceId;
  ids.user = await a.addUser('sales', 'sales-a@example.com', 'Sam Sales');
  ids.account = (await a.api.post('/api/v1/accounts', { name: 'A Corp', domain: 'a-corp.example', ownerId: ids.user })).body.id;
  ids.contact = (await a.api.post('/api/v1/contacts', { email: 'jane@a-corp.example', firstName: 'Jane', tags: ['original'] })).body.id;
  ids.deletedContact = (await a.api.post('/api/v1/contacts', { email: 'gone@a-corp.example' })).body.id;
  await a.api.delete(`/api/v1/contacts/${ids.deletedContact}`);
  ids.deletedAccount = (await a.api.post('/api/v1/accounts', { name: 'Gone Ltd', domain: 'gone.example' })).body.id;
  await a.api.delete(`/api/v1/accounts/${ids.deletedAccount}`);
  ids.note = (await a.api.post('/api/v1/notes', { contactId: ids.contact, body: 'Secret note of A' })).body.id;
  ids.deletedNote = (await a.api.post('/api/v1/notes', { accountId: ids.account, body: 'Deleted note of A' })).body.id;
  await a.api.delete(`/api/v1/notes/${ids.deletedNote}`);
  ids.customField = (await a.api.post('/api/v1/custom-fields', { objectType: 'contact', label: 'Secret score', type: 'number' })).body.id;
  ids.apiKey = (await a.api.post('/api/v1/api-keys', { name: 'a key' })).body.id;
  ids.invitation = (await a.api.post('/api/v1/users', { email: 'invitee@a-corp.example', role: 'sales' })).body.id;
  const upload = await fetch(`${server.url}/api/v1/imports?objectType=contact&fileName=a.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'text/csv' },
    body: 'email,first name\nsecret@a-corp.example,Secret\n',
  });
  ids.import = ((await upload.json()) as { id: string }).id;
  const source = (await a.api.post('/api/v1/sources', { name: 'A site' })).body;
  ids.source = source.id;
  aWriteKey = source.writeKey;
  await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ writeKey: aWriteKey, batch: [{ type: 'identify', anonymousId: 'a-visitor', traits: { email: 'jane@a-corp.example' } }, { type: 'page', anonymousId: 'a-visitor', properties: { url: 'https://a-corp.example/?utm_campaign=a-secret-key' } }] }),
  });
  await processTrackingInbox(server.database.db, a.workspaceId);
  // the page view above created the campaign on first sight; name it so leaks are recognisable
  ids.campaign = (await a.api.get('/api/v1/campaigns?filter[utmCampaign]=a-secret-key')).body.data[0]?.id;
  ids.campaign ??= (await a.api.post('/api/v1/campaigns', { utmCampaign: 'a-secret-key', name: 'x' })).body.id;
  await a.api.patch(`/api/v1/campaigns/${ids.campaign}`, { name: 'A secret campaign' });
  ids.deletedCampaign = (await a.api.post('/api/v1/campaigns', { name: 'A deleted campaign' })).body.id;
  await a.api.delete(`/api/v1/campaigns/${ids.deletedCampaign}`);
  await a.api.request('PUT', '/api/v1/channel-rules', { rules: [{ channel: 'A-only channel', conditions: [{ field: 'source', operator: 'matches', values: ['a-only'] }] }] });
  ids.form = (await a.api.post('/api/v1/forms', { name: 'A form', fields: [{ property: 'email', label: 'Email' }], notificationEmails: ['a-sales-team@a-corp.example'] })).body.id;
  await fetch(`${server.url}/api/v1/forms/${ids.form}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: { email: 'secret@a-corp.example' } }) });
  ids.deletedForm = (await a.api.post('/api/v1/forms', { name: 'A deleted form', fields: [{ property: 'email', label: 'Email' }] })).body.id;
  await a.api.delete(`/api/v1/forms/${ids.deletedForm}`);
  ids.activity = (await a.api.post('/api/v1/activities', { type: 'task', subject: 'Secret task of A', contactId: ids.contact, assigneeId: ids.user, dueAt: '2020-01-01T09:00:00Z' })).body.id;
  ids.deletedActivity = (await a.api.post('/api/v1/activities', { type: 'call', subject: 'Deleted call of A', accountId: ids.account })).body.id;
  await a.api.delete(`/api/v1/activities/${ids.deletedActivity}`);
  const pipeline = (await a.api.get('/api/v1/pipelines')).body.data[0];
  ids.pipeline = pipeline.id;
  ids.stage = pipeline.stages[0].id;
  ids.closeReason = (await a.api.post('/api/v1/close-reasons', { kind: 'won', label: 'A secret reason' })).body.id;
  ids.product = (await a.api.post('/api/v1/products', { name: 'A secret product', sku: 'A-SECRET-SKU', unitPrice: 99 })).body.id;
  ids.deal = (await a.api.post('/api/v1/deals', { name: 'A secret deal', accountId: ids.account, contacts: [{ contactId: ids.contact, role: 'champion' }] })).body.id;
  await a.api.request('PUT', `/api/v1/deals/${ids.deal}/line-items`, { items: [{ productId: ids.product, quantity: 2 }] });
  await a.api.post('/api/v1/deals', { name: 'A secret renewal', stageId: pipeline.stages.find((st: { type: string }) => st.type === 'won').id, closeReasonId: ids.closeReason, renewalDate: '2030-01-01' });
  ids.deletedDeal = (await a.api.post('/api/v1/deals', { name: 'A deleted deal' })).body.id;
  await a.api.delete(`/api/v1/deals/${ids.deletedDeal}`);
  ids.quota = (await a.api.post('/api/v1/quotas', { ownerId: ids.user, period: '2026-Q4', amount: 424242 })).body.id;
  for (const [k, v] of Object.entries(ids)) expect(v, k).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => server?.close());

describe('tenancy: workspace B cannot reach workspace A', () => {
  it('has a case for every route the server exposes', async () => {
    const spec = (await b.api.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(route, async () => {
      const method = route.split(' ')[0];
      const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
      const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.parse(fill(json(c.body)));
      const res = await b.api.request(method, fill(c.url), body, headers);
      expect(c.expect, `${route} → ${res.status} ${json(res.body).slice(0, 300)}`).toContain(res.status);
      const text = typeof res.body === 'string' ? res.body : json(res.body);
      // nothing of A's leaks into B's responses (an id B itself sent may be echoed in an error)
      const sent = fill(c.url) + (body === undefined ? '' : json(body));
      for (const key of ['contact', 'account', 'note', 'customField', 'apiKey', 'invitation', 'import', 'user', 'campaign', 'deletedCampaign', 'form', 'deletedForm', 'activity', 'deletedActivity', 'source', 'pipeline', 'stage', 'closeReason', 'product', 'deal', 'deletedDeal', 'quota']) {
        if (!sent.includes(ids[key])) expect(text, `${route} leaked A's ${key}`).not.toContain(ids[key]);
      }
      expect(text).not.toContain('Secret note of A');
      expect(text).not.toContain('original');
      expect(text).not.toContain('secret@a-corp.example');
      expect(text).not.toContain('a-sales-team@a-corp.example');
      expect(text).not.toContain('A secret campaign');
      expect(text).not.toContain('A-only channel');
      expect(text).not.toContain('Secret task of A');
      expect(text).not.toContain(aWriteKey);
      expect(text).not.toContain('a-visitor');
      expect(text).not.toMatch(/A secret (deal|renewal|product|reason)/);
    });
  }

  it("left A's data untouched", async () => {
    const contact = await a.api.get(`/api/v1/contacts/${ids.contact}`);
    expect(contact.body).toMatchObject({ firstName: 'Jane', tags: ['original'] });
    expect((await a.api.get(`/api/v1/accounts/${ids.account}`)).body.name).toBe('A Corp');
    expect((await a.api.get(`/api/v1/notes/${ids.note}`)).body.body).toBe('Secret note of A');
    expect((await a.api.get(`/api/v1/custom-fields/${ids.customField}`)).body.label).toBe('Secret score');
    expect((await a.api.get(`/api/v1/api-keys/${ids.apiKey}`)).body.revokedAt).toBeNull();
    expect((await a.api.get(`/api/v1/users/${ids.user}`)).body).toMatchObject({ role: 'sales', status: 'active' });
    expect((await a.api.get(`/api/v1/contacts/${ids.deletedContact}`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/notes/${ids.deletedNote}`)).status).toBe(404);
    expect((await a.api.get('/api/v1/workspace')).body.name).toBe('A Corp');
    const invitations = (await a.api.get('/api/v1/invitations')).body.data as Array<{ id: string; status: string }>;
    expect(invitations.find((i) => i.id === ids.invitation)?.status).toBe('pending');
    expect((await a.api.get(`/api/v1/imports/${ids.import}`)).body.status).toBe('uploaded');
    expect((await a.api.get(`/api/v1/forms/${ids.form}`)).body).toMatchObject({ name: 'A form', stats: { submissions: 2 } });
    expect((await a.api.get(`/api/v1/forms/${ids.deletedForm}`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/activities/${ids.activity}`)).body).toMatchObject({ subject: 'Secret task of A', done: false });
    expect((await a.api.get(`/api/v1/activities/${ids.deletedActivity}`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/campaigns/${ids.campaign}`)).body).toMatchObject({ name: 'A secret campaign', deletedAt: null });
    expect((await a.api.get(`/api/v1/campaigns/${ids.deletedCampaign}`)).body.deletedAt).not.toBeNull();
    expect((await a.api.get('/api/v1/channel-rules')).body.data[0].channel).toBe('A-only channel');
    expect((await a.api.get(`/api/v1/sources/${ids.source}`)).body).toMatchObject({ name: 'A site', writeKey: aWriteKey, eventCount: 2 });
    expect((await a.api.get(`/api/v1/events?filter[contactId]=${ids.contact}`)).body.data).toHaveLength(2);
    expect((await a.api.get(`/api/v1/deals/${ids.deal}`)).body).toMatchObject({ name: 'A secret deal', stageId: ids.stage, amount: 0 });
    expect((await a.api.get(`/api/v1/deals/${ids.deal}/contacts`)).body.data).toHaveLength(1);
    expect((await a.api.get(`/api/v1/deals/${ids.deal}/line-items`)).body.data).toHaveLength(1);
    expect((await a.api.get(`/api/v1/deals/${ids.deletedDeal}`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/quotas/${ids.quota}`)).body.amount).toBe(424242);
    expect((await a.api.get(`/api/v1/pipelines/${ids.pipeline}`)).body.stages).toHaveLength(6);
    expect((await a.api.get(`/api/v1/products/${ids.product}`)).body.name).toBe('A secret product');
    expect((await a.api.get(`/api/v1/close-reasons/${ids.closeReason}`)).body.label).toBe('A secret reason');
  });
});
