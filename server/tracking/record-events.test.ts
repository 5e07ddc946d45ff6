// recordServerEvents, as the forms domain calls it: inside the caller's transaction, deduplicated,
// stitching the visitor's anonymous history to the contact and recording a `form` touch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { recordServerEvents } from './record-events.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(async () => server?.close());

const db = () => server.database.db;

describe('recordServerEvents', () => {
  it('stores a form submission, stitches the visitor and records a form touch with the page UTMs', async () => {
    const contact = (await ws.api.post('/api/v1/contacts', { email: 'grace@hopper.example', firstName: 'Grace' })).body;
    await db()
      .transaction()
      .execute((trx) =>
        recordServerEvents(trx, ws.workspaceId, [
          {
            type: 'page',
            anonymousId: 'anon-grace',
            context: {
              page: {
                url: 'https://site.example/pricing?utm_source=google&utm_medium=cpc&utm_campaign=Spring%20Sale',
                referrer: 'https://www.google.com/',
              },
            },
            timestamp: new Date(Date.now() - 60_000),
          },
        ]),
      );
    // before the form: the page view is anonymous
    const before = await sql<{ contact_id: string | null }>`SELECT contact_id FROM events WHERE workspace_id = ${ws.workspaceId}`.execute(
      db(),
    );
    expect(before.rows).toEqual([{ contact_id: null }]);

    const messageId = 'form-submission-1';
    const submit = () =>
      db()
        .transaction()
        .execute((trx) =>
          recordServerEvents(trx, ws.workspaceId, [
            {
              type: 'track',
              event: 'Form Submitted',
              contactId: contact.id,
              anonymousId: 'anon-grace',
              properties: { formId: 'f1', formName: 'Demo request' },
              context: {
                page: { url: 'https://site.example/demo', referrer: 'https://site.example/pricing' },
                campaign: { source: 'newsletter', medium: 'email', name: 'Spring Sale' },
              },
              messageId,
            },
          ]),
        );
    expect(await submit()).toMatchObject({ stored: 1, touches: 1 });
    expect(await submit()).toMatchObject({ stored: 0, duplicates: 1 });

    const events = await sql<{ type: string; contact_id: string | null }>`
      SELECT type, contact_id FROM events WHERE workspace_id = ${ws.workspaceId} ORDER BY occurred_at`.execute(db());
    expect(events.rows).toEqual([
      { type: 'page', contact_id: contact.id },
      { type: 'track', contact_id: contact.id },
    ]);
    const touches = await sql<{ kind: string; channel: string; campaign: string; contact_id: string; campaign_id: string | null }>`
      SELECT kind, channel, campaign, contact_id, campaign_id FROM touches WHERE workspace_id = ${ws.workspaceId} ORDER BY occurred_at`.execute(
      db(),
    );
    expect(touches.rows).toHaveLength(2);
    expect(touches.rows[0]).toMatchObject({ kind: 'visit', channel: 'Paid Search', campaign: 'Spring Sale', contact_id: contact.id });
    expect(touches.rows[1]).toMatchObject({ kind: 'form', channel: 'Email', campaign: 'Spring Sale', contact_id: contact.id });
    expect(touches.rows[0].campaign_id).toBe(touches.rows[1].campaign_id);
    expect(touches.rows[0].campaign_id).not.toBeNull();
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await recordServerEvents(trx, ws.workspaceId, [
            { type: 'track', event: 'Rolled back', anonymousId: 'anon-x', messageId: 'rb-1' },
          ]);
          throw new Error('the form submission failed');
        }),
    ).rejects.toThrow('the form submission failed');
    const rows = await sql`SELECT 1 FROM event_receipts WHERE workspace_id = ${ws.workspaceId} AND message_id = 'rb-1'`.execute(db());
    expect(rows.rows).toHaveLength(0);
  });
});
