// With SMTP_URL set, system emails are delivered by a job to a real SMTP server (smtp-server in-process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestWorkspace, startTestServer, type TestServer } from '../test/harness.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let server: TestServer;
const inbox: Received[] = [];
let rejectNext = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext--;
          return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
        }
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Tandem <tandem@acme.test>' });
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox over SMTP', () => {
  it('delivers an invitation email and marks it sent', async () => {
    const ws = await createTestWorkspace(server, 'Mail Co');
    const invite = await ws.api.post('/api/v1/users', { email: 'invitee@example.com', role: 'marketing' });
    expect(invite.status).toBe(201);
    const mail = await waitFor(async () => inbox.find((m) => m.to.includes('invitee@example.com')));
    expect(mail.from).toBe('tandem@acme.test');
    expect(mail.raw).toContain('Subject: Ada Admin invited you to Mail Co on Tandem');
    expect(mail.raw).toContain(invite.body.acceptUrl.slice(0, 40));
    const outbox = await waitFor(async () => {
      const r = await ws.api.get('/api/v1/outbox');
      return r.body.data[0]?.status === 'sent' ? r.body : undefined;
    });
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.data[0].sentAt).not.toBeNull();
  });

  it('retries when the SMTP server refuses, then delivers once', async () => {
    const ws = await createTestWorkspace(server, 'Retry Co');
    rejectNext = 1;
    await ws.api.post('/api/v1/users', { email: 'retry@example.com', role: 'viewer' });
    const failed = await waitFor(async () => {
      const r = await ws.api.get('/api/v1/outbox');
      return r.body.data[0]?.lastError ? r.body.data[0] : undefined;
    });
    expect(failed.status).toBe('queued');
    expect(failed.lastError).toContain('mailbox busy');
    // skip the backoff wait
    await server.database.db.updateTable('jobs').set({ run_at: new Date() }).where('status', '=', 'queued').execute();
    server.ctx.worker.poke();
    await waitFor(async () => inbox.find((m) => m.to.includes('retry@example.com')));
    await server.drainJobs();
    expect(inbox.filter((m) => m.to.includes('retry@example.com')).length).toBe(1);
  });
});
