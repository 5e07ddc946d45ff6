// Activities through the API: each type with its own fields and rules, errors that name the field,
// links checked against the workspace, the list's filters and sorts, completing and reopening tasks,
// delete with undo, and who may write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
let contactId: string;
let accountId: string;
let salesId: string;

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  accountId = (await api.post('/api/v1/accounts', { name: 'Globex', domain: 'globex.test' })).body.id;
  contactId = (await api.post('/api/v1/contacts', { email: 'hank@globex.test', firstName: 'Hank', lastName: 'Scorpio' })).body.id;
  salesId = await ws.addUser('sales', 'sam@activities.test', 'Sam Sales');
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code).toBeDefined();
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('activities', () => {
  it('adds a task, assigned to the caller by default and filed on the contact’s account', async () => {
    const due = at(48 * HOUR);
    const res = await api.post('/api/v1/activities', { type: 'task', subject: '  Send the proposal ', contactId, dueAt: due, priority: 'high' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      type: 'task',
      subject: 'Send the proposal',
      contactId,
      contact: { id: contactId, name: 'Hank Scorpio' },
      accountId,
      account: { id: accountId, name: 'Globex' },
      assigneeId: ws.adminId,
      assignee: { id: ws.adminId, name: 'Ada Admin' },
      createdBy: { id: ws.adminId },
      priority: 'high',
      done: false,
      doneAt: null,
      outcome: null,
      startsAt: null,
    });
    expect(new Date(res.body.dueAt).toISOString()).toBe(due);
    expect((await api.get(`/api/v1/activities/${res.body.id}`)).body.subject).toBe('Send the proposal');
  });

  it('logs a call, an email and a meeting with their own fields', async () => {
    const call = await api.post('/api/v1/activities', {
      type: 'call',
      contactId,
      outcome: 'left_voicemail',
      durationSeconds: 45,
      direction: 'outbound',
      body: 'Asked him to call back.',
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect(call.body).toMatchObject({ type: 'call', outcome: 'left_voicemail', durationSeconds: 45, direction: 'outbound', dueAt: null, priority: null });
    expect(Math.abs(new Date(call.body.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);

    const sent = at(-2 * HOUR);
    const email = await api.post('/api/v1/activities', {
      type: 'email',
      accountId,
      subject: 'Re: pricing',
      fromAddress: 'Ada@Tandem.test',
      toAddresses: ['hank@globex.test'],
      direction: 'outbound',
      occurredAt: sent,
    });
    expect(email.status, JSON.stringify(email.body)).toBe(201);
    expect(email.body).toMatchObject({ type: 'email', fromAddress: 'ada@tandem.test', toAddresses: ['hank@globex.test'], contactId: null, accountId });
    expect(new Date(email.body.occurredAt).toISOString()).toBe(sent);

    const starts = at(24 * HOUR);
    const meeting = await api.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Demo',
      contactId,
      startsAt: starts,
      endsAt: at(25 * HOUR),
      location: 'Zoom',
      attendeeContactIds: [contactId],
      attendeeUserIds: [salesId, salesId],
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    expect(meeting.body).toMatchObject({ type: 'meeting', subject: 'Demo', location: 'Zoom' });
    expect(new Date(meeting.body.occurredAt).toISOString()).toBe(starts);
    expect(meeting.body.attendees).toEqual([
      { kind: 'member', id: salesId, name: 'Sam Sales', email: 'sam@activities.test' },
      { kind: 'contact', id: contactId, name: 'Hank Scorpio', email: 'hank@globex.test' },
    ]);
  });

  it('checks each type’s rules and names the field at fault', async () => {
    const post = (body: unknown) => api.post('/api/v1/activities', body);
    expect(errorPaths(await post({ type: 'task', contactId }))).toEqual(['subject']);
    expect(errorPaths(await post({ type: 'task', subject: '   ', contactId }))).toEqual(['subject']);
    expect(errorPaths(await post({ type: 'task', subject: 'Orphan' }))).toEqual(['contactId']);
    expect(errorPaths(await post({ type: 'task', subject: 'x', contactId, dueAt: 'tomorrow' }))).toEqual(['dueAt']);
    expect(errorPaths(await post({ type: 'task', subject: 'x', contactId, priority: 'urgent' }))).toEqual(['priority']);
    expect(errorPaths(await post({ type: 'task', subject: 'x', contactId, outcome: 'connected' }))).toEqual(['outcome']);
    expect(errorPaths(await post({ type: 'meeting', subject: 'Demo', contactId }))).toEqual(['startsAt']);
    expect(errorPaths(await post({ type: 'meeting', subject: 'Demo', contactId, startsAt: at(2 * HOUR), endsAt: at(HOUR) }))).toEqual(['endsAt']);
    expect(errorPaths(await post({ type: 'meeting', contactId, startsAt: at(HOUR) }))).toEqual(['subject']);
    expect(errorPaths(await post({ type: 'meeting', subject: 'x', contactId, startsAt: at(HOUR), attendeeContactIds: ['nope'] }))).toEqual([
      'attendeeContactIds.0',
    ]);
    expect(errorPaths(await post({ type: 'call', contactId, durationSeconds: -5 }))).toEqual(['durationSeconds']);
    expect(errorPaths(await post({ type: 'call', contactId, outcome: 'hung up' }))).toEqual(['outcome']);
    expect(errorPaths(await post({ type: 'email', contactId, toAddresses: ['not-an-email'] }))).toEqual(['toAddresses.0']);
    expect(errorPaths(await post({ type: 'sms', contactId }))).toEqual(['type']);
    expect(errorPaths(await post({ contactId }))).toEqual(['type']);
    expect(errorPaths(await post({ type: 'call', contactId: 'abc' }))).toEqual(['contactId']);
  });

  it('refuses links to records that do not exist, are deleted or belong to another workspace', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = (await api.get('/api/v1/activities?limit=500')).body.data.length;
    const post = (body: Record<string, unknown>) => api.post('/api/v1/activities', { type: 'call', ...body });
    expect(errorPaths(await post({ contactId: missing }))).toEqual(['contactId']);
    expect(errorPaths(await post({ accountId: missing }))).toEqual(['accountId']);
    expect(errorPaths(await post({ dealId: missing }))).toEqual(['dealId']);
    expect(errorPaths(await post({ contactId, assigneeId: missing }))).toEqual(['assigneeId']);
    const gone = (await api.post('/api/v1/contacts', { email: 'gone@activities.test' })).body.id;
    await api.delete(`/api/v1/contacts/${gone}`);
    expect(errorPaths(await post({ contactId: gone }))).toEqual(['contactId']);

    const other = await createTestWorkspace(server);
    const theirContact = (await other.api.post('/api/v1/contacts', { email: 'theirs@activities.test' })).body.id;
    expect(errorPaths(await post({ contactId: theirContact }))).toEqual(['contactId']);
    expect(errorPaths(await post({ contactId, assigneeId: other.adminId }))).toEqual(['assigneeId']);
    const meeting = await api.post('/api/v1/activities', {
      type: 'meeting', subject: 'x', contactId, startsAt: at(HOUR), attendeeContactIds: [contactId, theirContact], attendeeUserIds: [other.adminId],
    });
    expect(errorPaths(meeting).sort()).toEqual(['attendeeContactIds.1', 'attendeeUserIds.0']);
    // nothing was written by any refused request
    expect((await api.get('/api/v1/activities?limit=500')).body.data).toHaveLength(before);
  });

  it('edits an activity, keeping its type’s rules', async () => {
    const task = (await api.post('/api/v1/activities', { type: 'task', subject: 'Call back', contactId })).body;
    const edited = await api.patch(`/api/v1/activities/${task.id}`, { subject: 'Call back Hank', dueAt: at(HOUR), assigneeId: salesId });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ subject: 'Call back Hank', assignee: { id: salesId, name: 'Sam Sales' }, priority: 'normal', contactId });
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThan(new Date(task.updatedAt).getTime());

    expect(errorPaths(await api.patch(`/api/v1/activities/${task.id}`, { subject: '' }))).toEqual(['subject']);
    expect(errorPaths(await api.patch(`/api/v1/activities/${task.id}`, { outcome: 'connected' }))).toEqual(['outcome']);
    expect(errorPaths(await api.patch(`/api/v1/activities/${task.id}`, { contactId: null, accountId: null }))).toEqual(['contactId']);
    expect(errorPaths(await api.patch(`/api/v1/activities/${task.id}`, { type: 'call' }))).toEqual(['type']);
    expect((await api.get(`/api/v1/activities/${task.id}`)).body.subject).toBe('Call back Hank');

    const meeting = (await api.post('/api/v1/activities', { type: 'meeting', subject: 'QBR', accountId, startsAt: at(10 * HOUR), endsAt: at(11 * HOUR) })).body;
    expect(errorPaths(await api.patch(`/api/v1/activities/${meeting.id}`, { endsAt: at(9 * HOUR) }))).toEqual(['endsAt']);
    const moved = await api.patch(`/api/v1/activities/${meeting.id}`, { startsAt: at(30 * HOUR), endsAt: at(31 * HOUR), attendeeUserIds: [salesId] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.occurredAt).toBe(moved.body.startsAt);
    expect(moved.body.attendees.map((a: { id: string }) => a.id)).toEqual([salesId]);
    const cleared = await api.patch(`/api/v1/activities/${meeting.id}`, { attendeeUserIds: [], location: 'Their office' });
    expect(cleared.body).toMatchObject({ attendees: [], location: 'Their office' });

    const call = (await api.post('/api/v1/activities', { type: 'call', contactId })).body;
    expect((await api.patch(`/api/v1/activities/${call.id}`, { outcome: 'connected', durationSeconds: 600 })).body).toMatchObject({
      outcome: 'connected',
      durationSeconds: 600,
    });
    expect(errorPaths(await api.patch(`/api/v1/activities/${call.id}`, { dueAt: at(HOUR) }))).toEqual(['dueAt']);
  });

  it('completes and reopens a task; other types have no done state', async () => {
    const task = (await api.post('/api/v1/activities', { type: 'task', subject: 'Follow up', contactId })).body;
    const done = await api.post(`/api/v1/activities/${task.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    const again = await api.post(`/api/v1/activities/${task.id}/complete`);
    expect(again.body.doneAt).toBe(done.body.doneAt);
    const reopened = await api.post(`/api/v1/activities/${task.id}/reopen`);
    expect(reopened.body).toMatchObject({ done: false, doneAt: null });

    const call = (await api.post('/api/v1/activities', { type: 'call', contactId })).body;
    const refused = await api.post(`/api/v1/activities/${call.id}/complete`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.post('/api/v1/activities/00000000-0000-4000-8000-000000000000/complete')).status).toBe(404);
  });

  it('lists with filters and sorts, page by page', async () => {
    const target = (await api.post('/api/v1/contacts', { email: 'list@activities.test' })).body.id;
    const dues = [5, 1, 3, 2, 4].map((d) => at(d * 24 * HOUR));
    const ids: string[] = [];
    for (const [i, dueAt] of dues.entries()) {
      ids.push((await api.post('/api/v1/activities', { type: 'task', subject: `Task ${i}`, contactId: target, dueAt, assigneeId: i % 2 ? salesId : ws.adminId })).body.id);
    }
    await api.post('/api/v1/activities', { type: 'call', contactId: target });
    await api.post(`/api/v1/activities/${ids[0]}/complete`);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await api.get(
        `/api/v1/activities?filter[contactId]=${target}&filter[type]=task&sort=dueAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.data.map((a: { subject: string }) => a.subject));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Task 1', 'Task 3', 'Task 2', 'Task 4', 'Task 0']);

    const open = await api.get(`/api/v1/activities?filter[contactId]=${target}&filter[done]=false&filter[type]=task`);
    expect(open.body.data).toHaveLength(4);
    const sams = await api.get(`/api/v1/activities?filter[contactId]=${target}&filter[assigneeId]=${salesId}`);
    expect(sams.body.data.map((a: { subject: string }) => a.subject).sort()).toEqual(['Task 1', 'Task 3']);
    const window = await api.get(`/api/v1/activities?filter[contactId]=${target}&filter[dueAt][gte]=${encodeURIComponent(at(1.5 * 24 * HOUR))}&filter[dueAt][lt]=${encodeURIComponent(at(3.5 * 24 * HOUR))}&sort=-dueAt`);
    expect(window.body.data.map((a: { subject: string }) => a.subject)).toEqual(['Task 2', 'Task 3']);
    const calls = await api.get(`/api/v1/activities?filter[contactId]=${target}&filter[type]=call`);
    expect(calls.body.data).toHaveLength(1);

    expect(errorPaths(await api.get('/api/v1/activities?filter[type]=sms'))).toEqual(['filter[type]']);
    expect(errorPaths(await api.get('/api/v1/activities?filter[done]=maybe'))).toEqual(['filter[done]']);
    expect(errorPaths(await api.get('/api/v1/activities?sort=subject'))).toEqual(['sort']);
  });

  it('deletes an activity and restores it (undo)', async () => {
    const call = (await api.post('/api/v1/activities', { type: 'call', contactId, subject: 'Oops' })).body;
    expect((await api.delete(`/api/v1/activities/${call.id}`)).body).toEqual({ id: call.id, deleted: true });
    expect((await api.get(`/api/v1/activities/${call.id}`)).status).toBe(404);
    expect((await api.patch(`/api/v1/activities/${call.id}`, { subject: 'x' })).status).toBe(404);
    expect((await api.delete(`/api/v1/activities/${call.id}`)).status).toBe(404);
    const restored = await api.post(`/api/v1/activities/${call.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: call.id, subject: 'Oops', createdAt: call.createdAt });
  });

  it('replays a retried POST with the same Idempotency-Key instead of logging twice', async () => {
    const target = (await api.post('/api/v1/contacts', { email: 'idem@activities.test' })).body.id;
    const body = { type: 'call', contactId: target, outcome: 'connected' };
    const first = await api.post('/api/v1/activities', body, { 'idempotency-key': 'log-call-1' });
    const retry = await api.post('/api/v1/activities', body, { 'idempotency-key': 'log-call-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await api.get(`/api/v1/activities?filter[contactId]=${target}`)).body.data).toHaveLength(1);
  });

  it('lets viewers read but not write; sales and marketing write', async () => {
    const task = (await api.post('/api/v1/activities', { type: 'task', subject: 'Read me', contactId })).body;
    const viewer = await ws.as('viewer');
    expect((await viewer.get(`/api/v1/activities/${task.id}`)).status).toBe(200);
    expect((await viewer.get('/api/v1/activities')).status).toBe(200);
    for (const res of await Promise.all([
      viewer.post('/api/v1/activities', { type: 'call', contactId }),
      viewer.patch(`/api/v1/activities/${task.id}`, { subject: 'Viewer edit' }),
      viewer.post(`/api/v1/activities/${task.id}/complete`),
      viewer.post(`/api/v1/activities/${task.id}/reopen`),
      viewer.delete(`/api/v1/activities/${task.id}`),
      viewer.post(`/api/v1/activities/${task.id}/restore`),
    ])) {
      expect(res.status).toBe(403);
    }
    expect((await api.get(`/api/v1/activities/${task.id}`)).body).toMatchObject({ subject: 'Read me', done: false });

    const sam = new ApiClient(server.url);
    expect((await sam.post('/api/v1/session', { email: 'sam@activities.test', password: 'correct horse battery' })).status).toBe(200);
    const mine = await sam.post('/api/v1/activities', { type: 'task', subject: 'Mine', contactId });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ assigneeId: salesId, createdBy: { id: salesId, name: 'Sam Sales' } });
    expect((await sam.post(`/api/v1/activities/${mine.body.id}/complete`)).status).toBe(200);
    const marketing = await ws.as('marketing');
    expect((await marketing.post('/api/v1/activities', { type: 'email', contactId })).status).toBe(201);
  });

  it('keeps activities away from other workspaces', async () => {
    const task = (await api.post('/api/v1/activities', { type: 'task', subject: 'Private', contactId })).body;
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/activities/${task.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/activities/${task.id}`, { subject: 'Hijacked' })).status).toBe(404);
    expect((await other.api.post(`/api/v1/activities/${task.id}/complete`)).status).toBe(404);
    expect((await other.api.delete(`/api/v1/activities/${task.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/activities?filter[contactId]=${contactId}`)).body.data).toEqual([]);
    expect((await api.get(`/api/v1/activities/${task.id}`)).body).toMatchObject({ subject: 'Private', done: false });
  });
});
