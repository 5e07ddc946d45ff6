// My work: a member's open tasks and meetings sorted into overdue, today and upcoming for a fixed
// moment (`now`) in the member's time zone, and who may look at whose work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let admin: ApiClient;
let sam: ApiClient;
let rita: ApiClient;
let samId: string;
let ritaId: string;
let contactId: string;
const ids: Record<string, string> = {};

const NOW = '2026-06-10T12:00:00.000Z';

async function signIn(email: string): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  expect((await client.post('/api/v1/session', { email, password: 'correct horse battery' })).status).toBe(200);
  return client;
}

async function add(name: string, body: Record<string, unknown>): Promise<void> {
  const res = await admin.post('/api/v1/activities', { contactId, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id;
}

const subjects = (items: Array<{ subject: string }>) => items.map((a) => a.subject);

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  admin = ws.api;
  samId = await ws.addUser('sales', 'sam@mywork.test', 'Sam Sales');
  ritaId = await ws.addUser('sales', 'rita@mywork.test', 'Rita Rep');
  sam = await signIn('sam@mywork.test');
  rita = await signIn('rita@mywork.test');
  contactId = (await admin.post('/api/v1/contacts', { email: 'lead@mywork.test', firstName: 'Lee' })).body.id;

  const task = (subject: string, dueAt: string | null, assigneeId = samId) => ({ type: 'task', subject, dueAt, assigneeId });
  await add('yesterday', task('Due yesterday', '2026-06-09T10:00:00Z'));
  await add('thisMorning', task('Due this morning', '2026-06-10T09:00:00Z'));
  await add('thisAfternoon', task('Due this afternoon', '2026-06-10T15:00:00Z'));
  await add('tomorrow', task('Due tomorrow', '2026-06-11T09:00:00Z'));
  await add('someday', task('No due date', null));
  await add('done', task('Done already', '2026-06-08T09:00:00Z'));
  await admin.post(`/api/v1/activities/${ids.done}/complete`);
  await add('deleted', task('Deleted', '2026-06-08T09:00:00Z'));
  await admin.delete(`/api/v1/activities/${ids.deleted}`);
  await add('ritas', task('Rita’s task', '2026-06-09T09:00:00Z', ritaId));
  const meeting = (subject: string, startsAt: string, assigneeId = samId, attendeeUserIds: string[] = []) => ({
    type: 'meeting', subject, startsAt, assigneeId, attendeeUserIds,
  });
  await add('standup', meeting('Morning meeting', '2026-06-10T08:00:00Z'));
  await add('lastWeek', meeting('Old meeting', '2026-06-03T08:00:00Z'));
  await add('demo', meeting('Demo next week', '2026-06-17T14:00:00Z'));
  await add('ritasMeeting', meeting('Rita’s meeting with Sam', '2026-06-10T16:00:00Z', ritaId, [samId]));
  // a call is logged work, not work to do
  await add('call', { type: 'call', assigneeId: samId, occurredAt: '2026-06-10T11:00:00Z' });
});
afterAll(async () => server?.close());

describe('my work', () => {
  it('sorts the signed-in member’s open tasks and meetings into overdue, today and upcoming', async () => {
    const res = await sam.get(`/api/v1/my-work?now=${NOW}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assigneeId).toBe(samId);
    expect(subjects(res.body.overdue)).toEqual(['Due yesterday', 'Due this morning']);
    expect(subjects(res.body.today)).toEqual(['Morning meeting', 'Due this afternoon', 'Rita’s meeting with Sam']);
    expect(subjects(res.body.upcoming)).toEqual(['Due tomorrow', 'Demo next week', 'No due date']);
    expect(res.body.counts).toEqual({ overdue: 2, today: 3, upcoming: 3 });
    expect(res.body.overdue[0]).toMatchObject({ type: 'task', contact: { id: contactId, name: 'Lee' }, done: false });
  });

  it('decides where today starts and ends in the member’s time zone', async () => {
    // 12:00 UTC is 02:00 on June 11th at UTC+14: that day runs from 10:00 UTC on the 10th to 10:00 UTC on the 11th
    const res = await sam.get(`/api/v1/my-work?now=${NOW}&tz=Pacific/Kiritimati`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(subjects(res.body.overdue)).toEqual(['Due yesterday', 'Due this morning']);
    expect(subjects(res.body.today)).toEqual(['Due this afternoon', 'Rita’s meeting with Sam', 'Due tomorrow']);
    expect(subjects(res.body.upcoming)).toEqual(['Demo next week', 'No due date']);
    const bad = await sam.get('/api/v1/my-work?tz=Mars/Olympus');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'tz' })]);
  });

  it('moves a task out when it is completed, and back when it is reopened', async () => {
    expect((await sam.post(`/api/v1/activities/${ids.yesterday}/complete`)).status).toBe(200);
    let res = await sam.get(`/api/v1/my-work?now=${NOW}`);
    expect(subjects(res.body.overdue)).toEqual(['Due this morning']);
    expect((await sam.post(`/api/v1/activities/${ids.yesterday}/reopen`)).status).toBe(200);
    res = await sam.get(`/api/v1/my-work?now=${NOW}`);
    expect(subjects(res.body.overdue)).toEqual(['Due yesterday', 'Due this morning']);
  });

  it('caps each bucket at limit but counts everything; counts alone for the badge', async () => {
    const res = await sam.get(`/api/v1/my-work?now=${NOW}&limit=1`);
    expect(subjects(res.body.overdue)).toEqual(['Due yesterday']);
    expect(subjects(res.body.today)).toEqual(['Morning meeting']);
    expect(res.body.counts).toEqual({ overdue: 2, today: 3, upcoming: 3 });
    const counts = await sam.get(`/api/v1/my-work/counts?now=${NOW}`);
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({ overdue: 2, today: 3, upcoming: 3 });
  });

  it('lets an admin see another member’s work, and nobody else', async () => {
    const seen = await admin.get(`/api/v1/my-work?now=${NOW}&assigneeId=${samId}`);
    expect(seen.status).toBe(200);
    expect(subjects(seen.body.overdue)).toEqual(['Due yesterday', 'Due this morning']);
    expect((await admin.get(`/api/v1/my-work/counts?now=${NOW}&assigneeId=${ritaId}`)).body).toMatchObject({ overdue: 1 });

    const refused = await rita.get(`/api/v1/my-work?assigneeId=${samId}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).not.toContain('Due yesterday');
    expect((await rita.get(`/api/v1/my-work/counts?assigneeId=${samId}`)).status).toBe(403);
    const viewer = await ws.as('viewer'); // a key acts as the admin who created it, but with the viewer role
    expect((await viewer.get(`/api/v1/my-work?assigneeId=${samId}`)).status).toBe(403);

    const own = await rita.get(`/api/v1/my-work?now=${NOW}&assigneeId=${ritaId}`);
    expect(subjects(own.body.overdue)).toEqual(['Rita’s task']);
    expect(subjects(own.body.today)).toEqual(['Rita’s meeting with Sam']);

    const stranger = await createTestWorkspace(server);
    const foreign = await admin.get(`/api/v1/my-work?assigneeId=${stranger.adminId}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'assigneeId' })]);
    expect((await admin.get('/api/v1/my-work?assigneeId=nope')).body.errors[0].path).toBe('assigneeId');
    // another workspace's admin cannot look at this workspace's members either
    expect((await stranger.api.get(`/api/v1/my-work?assigneeId=${samId}`)).status).toBe(400);
  });

  it('keeps showing a deactivated member’s overdue tasks to the admin', async () => {
    expect((await admin.patch(`/api/v1/users/${ritaId}`, { status: 'deactivated' })).status).toBe(200);
    const res = await admin.get(`/api/v1/my-work?now=${NOW}&assigneeId=${ritaId}`);
    expect(res.status).toBe(200);
    expect(subjects(res.body.overdue)).toEqual(['Rita’s task']);
    expect(res.body.overdue[0].assignee).toEqual({ id: ritaId, name: 'Rita Rep' });
  });
});
