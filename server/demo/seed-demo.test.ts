import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../test/harness.ts';
import { FREE_EMAIL_DOMAINS } from '../accounts/domains.ts';
import { DEMO_STEPS, seedDemo } from './seed-demo.ts';
import type { SeedStep } from './seed-context.ts';
import { TEAMMATES } from './team.ts';

const ADMIN = { email: 'demo@tandem.local', password: 'tandem-demo' };
const DAY = 86_400_000;

let server: TestServer;
let first: { workspaceId: string; userId: string; apiKey: string };
const logs: string[] = [];

const seed = (seedValue: number, opts: { password?: string; now?: Date; steps?: readonly SeedStep[] } = {}) =>
  seedDemo(server.database.db, {
    contacts: 300,
    workspace: 'Northwind Analytics (demo)',
    email: ADMIN.email,
    password: opts.password ?? ADMIN.password,
    seed: seedValue,
    now: opts.now,
    steps: opts.steps,
    log: (m) => logs.push(m),
  });

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(server.database.db)).rows;
}

async function emailsOf(workspaceId: string): Promise<string[]> {
  const found = await rows<{ email: string }>(
    sql`SELECT email FROM contacts WHERE workspace_id = ${workspaceId} AND email IS NOT NULL ORDER BY email`,
  );
  return found.map((r) => r.email);
}

beforeAll(async () => {
  server = await startTestServer();
  first = await seed(7);
});
afterAll(async () => server?.close());

describe('tandem demo', () => {
  it('creates the requested contacts, an account per ten of them, the team and the custom fields', async () => {
    const [counts] = await rows<{
      contacts: number;
      accounts: number;
      members: number;
      fields: number;
      notes: number;
      no_email: number;
      free_mail: number;
    }>(sql`
      SELECT
        (SELECT count(*) FROM contacts WHERE workspace_id = ${first.workspaceId}) AS contacts,
        (SELECT count(*) FROM accounts WHERE workspace_id = ${first.workspaceId}) AS accounts,
        (SELECT count(*) FROM members WHERE workspace_id = ${first.workspaceId}) AS members,
        (SELECT count(*) FROM custom_field_definitions WHERE workspace_id = ${first.workspaceId}) AS fields,
        (SELECT count(*) FROM notes WHERE workspace_id = ${first.workspaceId}) AS notes,
        (SELECT count(*) FROM contacts WHERE workspace_id = ${first.workspaceId} AND email IS NULL) AS no_email,
        (SELECT count(*) FROM contacts WHERE workspace_id = ${first.workspaceId} AND account_id IS NULL AND email IS NOT NULL) AS free_mail`);
    expect(counts).toMatchObject({ contacts: 300, accounts: 30, members: TEAMMATES.length + 1, fields: 9 });
    expect(counts.notes).toBeGreaterThan(20);
    expect(counts.no_email).toBe(6); // ~2% are a name and a phone from a business card
    expect(counts.free_mail).toBeGreaterThanOrEqual(30);

    const roles = await rows<{ role: string; n: number }>(
      sql`SELECT role, count(*) AS n FROM members WHERE workspace_id = ${first.workspaceId} GROUP BY role`,
    );
    expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual({ admin: 1, sales: 5, marketing: 2, viewer: 1 });
    expect(logs.some((l) => l.includes('contacts: 300 / 300'))).toBe(true);
  });

  it('links every company-domain contact to the account of that domain, and free mailboxes to none', async () => {
    const contacts = await rows<{ email: string | null; domain: string | null; account_domain: string | null }>(sql`
      SELECT c.email, split_part(c.email, '@', 2) AS domain, a.domain AS account_domain
      FROM contacts c LEFT JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
      WHERE c.workspace_id = ${first.workspaceId}`);
    const accountDomains = new Set(
      (await rows<{ domain: string }>(sql`SELECT domain FROM accounts WHERE workspace_id = ${first.workspaceId}`)).map((r) => r.domain),
    );
    for (const c of contacts) {
      if (c.domain && accountDomains.has(c.domain)) expect(c.account_domain, c.email!).toBe(c.domain);
      else expect(c.account_domain, String(c.email)).toBeNull();
      if (c.domain && !FREE_EMAIL_DOMAINS.has(c.domain)) expect(accountDomains.has(c.domain), c.email!).toBe(true);
    }
    expect(contacts.filter((c) => c.account_domain).length).toBeGreaterThan(200);
  });

  it('has a funnel-shaped lifecycle distribution', async () => {
    const stages = await rows<{ stage: string | null; n: number }>(sql`
      SELECT lifecycle_stage AS stage, count(*) AS n FROM contacts WHERE workspace_id = ${first.workspaceId} GROUP BY 1`);
    const n = (s: string) => stages.find((r) => r.stage === s)?.n ?? 0;
    expect(n('subscriber') + n('lead')).toBeGreaterThan(n('mql') + n('sql'));
    expect(n('mql') + n('sql')).toBeGreaterThan(n('customer'));
    expect(n('customer')).toBeGreaterThan(n('evangelist'));
    expect(n('evangelist')).toBeGreaterThan(0);
  });

  it('spreads 18 months of history up to now, customers older than leads', async () => {
    const now = Date.now();
    for (const table of ['contacts', 'accounts'] as const) {
      const [span] = await rows<{ first: Date; last: Date; bad_updates: number }>(sql`
        SELECT min(created_at) AS first, max(greatest(created_at, updated_at)) AS last,
          count(*) FILTER (WHERE updated_at < created_at) AS bad_updates
        FROM ${sql.table(table)} WHERE workspace_id = ${first.workspaceId}`);
      expect(span.last.getTime(), table).toBeLessThanOrEqual(now);
      expect(span.first.getTime(), table).toBeGreaterThanOrEqual(now - 551 * DAY);
      expect(span.first.getTime(), table).toBeLessThan(now - 420 * DAY);
      expect(span.bad_updates, table).toBe(0);
    }
    const [ages] = await rows<{ customer: number; lead: number }>(sql`
      SELECT avg(extract(epoch FROM now() - created_at)) FILTER (WHERE lifecycle_stage = 'customer') AS customer,
        avg(extract(epoch FROM now() - created_at)) FILTER (WHERE lifecycle_stage IN ('subscriber', 'lead')) AS lead
      FROM contacts WHERE workspace_id = ${first.workspaceId}`);
    expect(Number(ages.customer)).toBeGreaterThan(Number(ages.lead));
    // an account is as old as its first contact
    const [early] = await rows<{ n: number }>(sql`
      SELECT count(*) AS n FROM contacts c JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
      WHERE c.workspace_id = ${first.workspaceId} AND c.created_at < a.created_at`);
    expect(early.n).toBe(0);
  });

  it('dates every note after its record and before now, written by a member', async () => {
    const [check] = await rows<{ notes: number; early: number; future: number; strangers: number }>(sql`
      SELECT count(*) AS notes,
        count(*) FILTER (WHERE n.created_at < coalesce(c.created_at, a.created_at)) AS early,
        count(*) FILTER (WHERE n.created_at > now()) AS future,
        count(*) FILTER (WHERE m.user_id IS NULL) AS strangers
      FROM notes n
      LEFT JOIN contacts c ON c.workspace_id = n.workspace_id AND c.id = n.contact_id
      LEFT JOIN accounts a ON a.workspace_id = n.workspace_id AND a.id = n.account_id
      LEFT JOIN members m ON m.workspace_id = n.workspace_id AND m.user_id = n.author_id
      WHERE n.workspace_id = ${first.workspaceId}`);
    expect(check.notes).toBeGreaterThan(0);
    expect(check).toMatchObject({ early: 0, future: 0, strangers: 0 });
  });

  it('builds the custom fields expression indexes', async () => {
    const names = (await rows<{ indexname: string }>(sql`SELECT indexname FROM pg_indexes WHERE indexname LIKE '%\\_cf\\_%'`)).map(
      (r) => r.indexname,
    );
    expect(names).toEqual(
      expect.arrayContaining(['contacts_cf_lead_source', 'contacts_cf_interests', 'accounts_cf_plan', 'accounts_cf_arr']),
    );
  });

  it('gives the same people for the same seed (on any day) in another workspace, and other people for another seed', async () => {
    // the people only: the website's visitors (steps/seed-website.test.ts) would triple the time
    const people = { steps: DEMO_STEPS.filter((st) => st.name !== 'website') };
    const again = await seed(7, people);
    expect(again.workspaceId).not.toBe(first.workspaceId);
    expect(again.userId).toBe(first.userId); // the admin's login is reused
    expect(await emailsOf(again.workspaceId)).toEqual(await emailsOf(first.workspaceId));

    // run on another day: the dates move, the people stay
    const monthAgo = await seed(7, { ...people, now: new Date(Date.now() - 30 * DAY) });
    expect(await emailsOf(monthAgo.workspaceId)).toEqual(await emailsOf(first.workspaceId));

    const other = await seed(8, people);
    const otherEmails = new Set(await emailsOf(other.workspaceId));
    const shared = (await emailsOf(first.workspaceId)).filter((e) => otherEmails.has(e));
    expect(shared.length).toBeLessThan(10);
  });

  it('refuses to reuse an existing admin login with another password, leaving nothing behind', async () => {
    const before = await rows<{ n: number }>(sql`SELECT count(*) AS n FROM workspaces`);
    await expect(seed(9, { password: 'not-the-password' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(await rows<{ n: number }>(sql`SELECT count(*) AS n FROM workspaces`)).toEqual(before);
  });

  it('runs extra steps with what earlier ones made, and removes a workspace whose seeding failed', async () => {
    const seen: Array<{ accounts: number; contacts: number; customers: number }> = [];
    const probe: SeedStep = {
      name: 'probe',
      async run(ctx) {
        seen.push({
          accounts: ctx.accounts.length,
          contacts: ctx.contacts.count,
          customers: ctx.contacts.stages.filter((st) => st === 'customer').length,
        });
        throw new Error('probe failed');
      },
    };
    const failing = seedDemo(server.database.db, {
      contacts: 40,
      workspace: 'Doomed demo',
      email: ADMIN.email,
      password: ADMIN.password,
      seed: 1,
      log: () => {},
      steps: [...DEMO_STEPS.filter((st) => st.name !== 'notes' && st.name !== 'indexes'), probe],
    });
    await expect(failing).rejects.toThrow('probe failed');
    expect(seen).toEqual([{ accounts: 20, contacts: 40, customers: expect.any(Number) }]);
    const left = await rows<{ n: number }>(sql`SELECT count(*) AS n FROM workspaces WHERE name = 'Doomed demo'`);
    expect(left[0].n).toBe(0);
  });

  it('lets the admin and teammates sign in and filter contacts on a custom field', async () => {
    const api = new ApiClient(server.url);
    const session = await api.post('/api/v1/session', { ...ADMIN, workspaceId: first.workspaceId });
    expect(session.status).toBe(200);

    const [expected] = await rows<{ n: number }>(sql`
      SELECT count(*) AS n FROM contacts WHERE workspace_id = ${first.workspaceId} AND custom_fields->>'lead_source' = 'Webinar'`);
    expect(expected.n).toBeGreaterThan(0);
    const list = await api.get('/api/v1/contacts?filter[customFields.lead_source]=Webinar&includeTotal=true&limit=500');
    expect(list.status).toBe(200);
    expect(list.body.totalCount).toBe(expected.n);
    for (const c of list.body.data) expect(c.customFields.lead_source).toBe('Webinar');

    const customers = await api.get('/api/v1/accounts?filter[customFields.arr][gte]=1&sort=-customFields.arr&limit=5');
    expect(customers.status).toBe(200);
    expect(customers.body.data.length).toBeGreaterThan(0);
    expect(customers.body.data[0].customFields.plan).toMatch(/Starter|Growth|Enterprise/);

    const rep = new ApiClient(server.url);
    const repSession = await rep.post('/api/v1/session', {
      email: TEAMMATES[0].email,
      password: ADMIN.password,
      workspaceId: first.workspaceId,
    });
    expect(repSession.status).toBe(200);
    expect(repSession.body.role).toBe('sales');
  });
});
