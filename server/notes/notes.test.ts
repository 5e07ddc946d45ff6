// Notes on contacts and accounts: attached to exactly one record of the caller's workspace, signed by
// their author, listed newest first per record, editable and deletable by the people who write CRM data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestWorkspace, startTestServer, type ApiResponse, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
let contactId: string;
let accountId: string;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  contactId = (await api.post('/api/v1/contacts', { email: 'noted@notes.test' })).body.id;
  accountId = (await api.post('/api/v1/accounts', { name: 'Noted Inc', domain: 'noted-inc.com' })).body.id;
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('notes', () => {
  it("adds a note to a contact and to an account, signed by the key's creator", async () => {
    const onContact = await api.post('/api/v1/notes', { contactId, body: '  Called, wants a demo.  ' });
    expect(onContact.status).toBe(201);
    expect(onContact.body).toMatchObject({
      contactId,
      accountId: null,
      body: 'Called, wants a demo.',
      author: { id: ws.adminId, name: 'Ada Admin' },
    });
    const onAccount = await api.post('/api/v1/notes', { accountId, body: 'Renewal in March.' });
    expect(onAccount.body).toMatchObject({ contactId: null, accountId });
    expect((await api.get(`/api/v1/notes/${onAccount.body.id}`)).body.body).toBe('Renewal in March.');
  });

  it('signs a note with the signed-in user', async () => {
    const email = 'sam-sales@notes.test';
    const samId = await ws.addUser('sales', email, 'Sam Sales');
    const sam = new ApiClient(server.url);
    expect((await sam.post('/api/v1/session', { email, password: 'correct horse battery' })).status).toBe(200);
    const note = await sam.post('/api/v1/notes', { contactId, body: 'Met at the fair.' });
    expect(note.status).toBe(201);
    expect(note.body.author).toEqual({ id: samId, name: 'Sam Sales' });
  });

  it('needs exactly one target and a body', async () => {
    expect(errorPaths(await api.post('/api/v1/notes', { body: 'Orphan' }))).toEqual(['contactId']);
    expect(errorPaths(await api.post('/api/v1/notes', { contactId, accountId, body: 'Both' }))).toEqual(['contactId']);
    expect(errorPaths(await api.post('/api/v1/notes', { contactId, body: '   ' }))).toEqual(['body']);
    expect(errorPaths(await api.post('/api/v1/notes', { contactId, body: 'x'.repeat(20_001) }))).toEqual(['body']);
    expect(errorPaths(await api.post('/api/v1/notes', { contactId: 'abc', body: 'x' }))).toContain('contactId');
    expect(errorPaths(await api.post('/api/v1/notes', { contactId, body: 'x', pinned: true }))).toEqual(['pinned']);
  });

  it('refuses records that do not exist, are deleted, or belong to another workspace', async () => {
    expect(errorPaths(await api.post('/api/v1/notes', { contactId: '00000000-0000-4000-8000-000000000000', body: 'x' }))).toEqual([
      'contactId',
    ]);
    const gone = await api.post('/api/v1/contacts', { email: 'gone@notes.test' });
    await api.delete(`/api/v1/contacts/${gone.body.id}`);
    expect(errorPaths(await api.post('/api/v1/notes', { contactId: gone.body.id, body: 'x' }))).toEqual(['contactId']);

    const other = await createTestWorkspace(server);
    const theirContact = await other.api.post('/api/v1/contacts', { email: 'theirs@notes.test' });
    const theirAccount = await other.api.post('/api/v1/accounts', { name: 'Theirs' });
    expect(errorPaths(await api.post('/api/v1/notes', { contactId: theirContact.body.id, body: 'x' }))).toEqual(['contactId']);
    expect(errorPaths(await api.post('/api/v1/notes', { accountId: theirAccount.body.id, body: 'x' }))).toEqual(['accountId']);
    expect((await other.api.get(`/api/v1/notes?filter[contactId]=${theirContact.body.id}`)).body.data).toEqual([]);
  });

  it('lists the notes of one record, newest first, page by page', async () => {
    const target = (await api.post('/api/v1/contacts', { email: 'timeline@notes.test' })).body.id;
    const bodies = Array.from({ length: 7 }, (_, i) => `note ${i}`);
    for (const body of bodies) await api.post('/api/v1/notes', { contactId: target, body });
    await api.post('/api/v1/notes', { accountId, body: 'not on this contact' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse = await api.get(`/api/v1/notes?filter[contactId]=${target}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((n: { body: string }) => n.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...bodies].reverse());

    const onAccount = await api.get(`/api/v1/notes?filter[accountId]=${accountId}`);
    expect(onAccount.body.data.every((n: { accountId: string }) => n.accountId === accountId)).toBe(true);
    expect(onAccount.body.data.map((n: { body: string }) => n.body)).toContain('not on this contact');
    expect(errorPaths(await api.get('/api/v1/notes?filter[body]=x'))).toEqual(['filter[body]']);
  });

  it('edits and deletes a note', async () => {
    const note = await api.post('/api/v1/notes', { contactId, body: 'Typo hre' });
    const edited = await api.patch(`/api/v1/notes/${note.body.id}`, { body: 'Typo here' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Typo here', contactId, author: { id: ws.adminId } });
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThan(new Date(note.body.updatedAt).getTime());
    expect(errorPaths(await api.patch(`/api/v1/notes/${note.body.id}`, { body: '' }))).toEqual(['body']);
    expect(errorPaths(await api.patch(`/api/v1/notes/${note.body.id}`, { body: 'x', contactId: accountId }))).toEqual(['contactId']);

    expect((await api.delete(`/api/v1/notes/${note.body.id}`)).body).toEqual({ id: note.body.id, deleted: true });
    expect((await api.get(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    expect((await api.patch(`/api/v1/notes/${note.body.id}`, { body: 'back?' })).status).toBe(404);
    expect((await api.delete(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    const list = await api.get(`/api/v1/notes?filter[contactId]=${contactId}&limit=100`);
    expect(list.body.data.map((n: { id: string }) => n.id)).not.toContain(note.body.id);

    // undo: the same note comes back, with its author and dates
    const restored = await api.post(`/api/v1/notes/${note.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: note.body.id, body: 'Typo here', createdAt: note.body.createdAt });
    expect((await api.post('/api/v1/notes/6b0c2f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f/restore')).status).toBe(404);
  });

  it('keeps notes away from other workspaces', async () => {
    const note = await api.post('/api/v1/notes', { contactId, body: 'Private' });
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/notes/${note.body.id}`, { body: 'Hijacked' })).status).toBe(404);
    expect((await other.api.delete(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/notes?filter[contactId]=${contactId}`)).body.data).toEqual([]);
    expect((await api.get(`/api/v1/notes/${note.body.id}`)).body.body).toBe('Private');
  });

  it('lets viewers read notes but not write them; marketing and sales write them', async () => {
    const note = await api.post('/api/v1/notes', { contactId, body: 'Read me' });
    const viewer = await ws.as('viewer');
    expect((await viewer.get(`/api/v1/notes/${note.body.id}`)).status).toBe(200);
    expect((await viewer.get(`/api/v1/notes?filter[contactId]=${contactId}`)).status).toBe(200);
    for (const res of await Promise.all([
      viewer.post('/api/v1/notes', { contactId, body: 'Viewer note' }),
      viewer.patch(`/api/v1/notes/${note.body.id}`, { body: 'Viewer edit' }),
      viewer.delete(`/api/v1/notes/${note.body.id}`),
    ])) {
      expect(res.status).toBe(403);
    }
    expect((await api.get(`/api/v1/notes/${note.body.id}`)).body.body).toBe('Read me');
    for (const role of ['marketing', 'sales'] as const) {
      const client = await ws.as(role);
      const mine = await client.post('/api/v1/notes', { accountId, body: `From ${role}` });
      expect(mine.status).toBe(201);
      expect((await client.patch(`/api/v1/notes/${mine.body.id}`, { body: 'edited' })).status).toBe(200);
      expect((await client.delete(`/api/v1/notes/${mine.body.id}`)).status).toBe(200);
    }
  });
});
