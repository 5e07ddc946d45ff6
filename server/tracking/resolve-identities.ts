// Identity resolution for one batch of events, set-based: a fixed number of statements whatever the
// batch size. identify (by userId, then traits.email), alias (previousId ↔ userId), server events
// with a known contact, and group (contact → account) write identities; then every event gets the
// contact its userId or anonymousId points at. Contacts an identify needs are created through the
// contacts domain's upsert (email case-insensitive, company-domain account link).
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { upsertContacts } from '../contacts/upsert-contacts.ts';
import { companyDomainOfEmail, normaliseDomain } from '../accounts/domains.ts';
import { ensureAccountsByDomain, ensureAccountsByName } from '../accounts/ensure-accounts.ts';
import { contactTraits, groupTraits, mergeTraits, type ContactTraits } from './contact-traits.ts';
import type { TrackedEvent } from './tracked-event.ts';

type Kind = 'anonymous_id' | 'user_id';

export interface IdentityOutcome {
  /** The contact of each event (same order as the input), or null while the visitor is anonymous. */
  contactIds: Array<string | null>;
  /** Identities written by this batch: their earlier, still anonymous history is stitched. */
  linked: Array<{ kind: Kind; value: string; contactId: string }>;
}

const key = (kind: Kind, value: string) => `${kind}:${value}`;

async function loadIdentities(trx: Trx, ws: string, anonymousIds: string[], userIds: string[]): Promise<Map<string, string>> {
  if (anonymousIds.length === 0 && userIds.length === 0) return new Map();
  // identities of deleted contacts count as unknown: the visitor resolves afresh
  const { rows } = await sql<{ kind: Kind; value: string; contact_id: string }>`
    SELECT i.kind, i.value, i.contact_id FROM identities i
    JOIN contacts c ON c.workspace_id = i.workspace_id AND c.id = i.contact_id AND c.deleted_at IS NULL
    WHERE i.workspace_id = ${ws}
      AND ((i.kind = 'anonymous_id' AND i.value = ANY(${anonymousIds}::text[]))
        OR (i.kind = 'user_id' AND i.value = ANY(${userIds}::text[])))`.execute(trx);
  return new Map(rows.map((r) => [key(r.kind, r.value), r.contact_id]));
}

async function contactsByEmail(trx: Trx, ws: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await trx
    .selectFrom('contacts')
    .select(['id', 'email'])
    .where('workspace_id', '=', ws)
    .where('email', 'in', emails)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.email!, r.id]));
}

export async function resolveIdentities(trx: Trx, ws: string, events: TrackedEvent[]): Promise<IdentityOutcome> {
  const anonymousIds = new Set<string>();
  const userIds = new Set<string>();
  for (const e of events) {
    if (e.anonymousId) anonymousIds.add(e.anonymousId);
    if (e.userId) userIds.add(e.userId);
    if (e.previousId) {
      anonymousIds.add(e.previousId);
      userIds.add(e.previousId);
    }
  }
  const known = await loadIdentities(trx, ws, [...anonymousIds], [...userIds]);
  const claims = events.filter((e) => e.type === 'identify' || e.type === 'alias' || e.type === 'group' || e.contactId);
  if (claims.length === 0) {
    const contactIds = events.map(
      (e) => (e.userId && known.get(key('user_id', e.userId))) || (e.anonymousId && known.get(key('anonymous_id', e.anonymousId))) || null,
    );
    return { contactIds, linked: [] };
  }

  const traitsOf = new Map<TrackedEvent, ContactTraits>();
  for (const e of events) if (e.type === 'identify') traitsOf.set(e, contactTraits(e.traits));
  const byEmail = await contactsByEmail(trx, ws, [...new Set([...traitsOf.values()].map((t) => t.email).filter((x): x is string => !!x))]);

  // Contacts this batch must create are placeholders until the one insert below gives them ids.
  const placeholders: Array<{ id: string; email: string | null }> = [];
  const links = new Map<string, { kind: Kind; value: string; contactId: string }>();
  const updates = new Map<string, ContactTraits>();
  const lookup = (kind: Kind, value: string | null) =>
    value ? (links.get(key(kind, value))?.contactId ?? known.get(key(kind, value))) : undefined;
  const link = (kind: Kind, value: string | null, contactId: string) => {
    if (value) links.set(key(kind, value), { kind, value, contactId });
  };

  for (const e of events) {
    if (e.type === 'identify') {
      const traits = traitsOf.get(e)!;
      let c =
        e.contactId ??
        lookup('user_id', e.userId) ??
        (traits.email ? byEmail.get(traits.email) : undefined) ??
        // an identify with neither a user id nor an email can only add traits to the known visitor
        (!e.userId && !traits.email ? lookup('anonymous_id', e.anonymousId) : undefined);
      if (!c && (traits.email || traits.first_name || traits.last_name)) {
        c = `placeholder:${placeholders.length}`;
        placeholders.push({ id: c, email: traits.email ?? null });
      }
      if (!c) continue;
      // an email found on someone else stays theirs (a merge candidate, not an overwrite)
      const emailOwner = traits.email ? byEmail.get(traits.email) : undefined;
      const t = emailOwner && emailOwner !== c ? { ...traits, email: undefined } : traits;
      if (traits.email && !emailOwner) byEmail.set(traits.email, c);
      updates.set(c, mergeTraits(updates.get(c), t));
      link('user_id', e.userId, c);
      link('anonymous_id', e.anonymousId, c);
    } else if (e.type === 'alias') {
      const c = lookup('user_id', e.userId) ?? lookup('anonymous_id', e.previousId) ?? lookup('user_id', e.previousId);
      if (!c) continue;
      link('user_id', e.userId, c);
      if (lookup('user_id', e.previousId) !== c) link('anonymous_id', e.previousId, c);
    } else if (e.contactId) {
      link('anonymous_id', e.anonymousId, e.contactId);
      if (!lookup('user_id', e.userId)) link('user_id', e.userId, e.contactId);
    }
  }

  const realIds = await createPlaceholders(trx, ws, placeholders);
  const real = (id: string) => realIds.get(id) ?? id;
  const linked = [...links.values()].map((l) => ({ ...l, contactId: real(l.contactId) }));
  await writeIdentities(trx, ws, linked);
  await applyTraits(
    trx,
    ws,
    [...updates].map(([id, t]) => ({ id: real(id), ...t })),
  );

  const resolved = new Map(known);
  for (const l of linked) resolved.set(key(l.kind, l.value), l.contactId);
  const contactIds = events.map(
    (e) =>
      e.contactId ??
      (e.userId ? resolved.get(key('user_id', e.userId)) : undefined) ??
      (e.anonymousId ? resolved.get(key('anonymous_id', e.anonymousId)) : undefined) ??
      null,
  );
  await applyGroups(trx, ws, events, contactIds);
  return { contactIds, linked };
}

async function createPlaceholders(
  trx: Trx,
  ws: string,
  placeholders: Array<{ id: string; email: string | null }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (placeholders.length === 0) return ids;
  const withEmail = placeholders.filter((p) => p.email);
  const withoutEmail = placeholders.filter((p) => !p.email);
  if (withEmail.length) {
    const outcomes = await upsertContacts(
      trx,
      ws,
      withEmail.map((p) => ({ email: p.email })),
    );
    const byEmail = new Map(outcomes.map((o) => [o.email, o.id]));
    for (const p of withEmail) ids.set(p.id, byEmail.get(p.email)!);
  }
  if (withoutEmail.length) {
    const outcomes = await upsertContacts(
      trx,
      ws,
      withoutEmail.map(() => ({ email: null })),
    );
    withoutEmail.forEach((p, i) => ids.set(p.id, outcomes[i].id));
  }
  return ids;
}

async function writeIdentities(trx: Trx, ws: string, links: IdentityOutcome['linked']): Promise<void> {
  if (links.length === 0) return;
  // a browser that identifies as someone else from now on is re-pointed; its past stays where it was
  await sql`
    INSERT INTO identities (workspace_id, kind, value, contact_id)
    SELECT ${ws}, kind, value, contact_id
    FROM unnest(${links.map((l) => l.kind)}::text[], ${links.map((l) => l.value)}::text[], ${links.map((l) => l.contactId)}::uuid[])
      AS t(kind, value, contact_id)
    ORDER BY kind, value
    ON CONFLICT (workspace_id, kind, value) DO UPDATE SET contact_id = excluded.contact_id, updated_at = now()
      WHERE identities.contact_id IS DISTINCT FROM excluded.contact_id`.execute(trx);
}

/** Identify traits fill and update contact fields; blanks never erase, unchanged rows are not written. */
async function applyTraits(trx: Trx, ws: string, rows: Array<ContactTraits & { id: string }>): Promise<void> {
  const useful = rows.filter((r) => r.email || r.first_name || r.last_name || r.phone || r.title);
  if (useful.length === 0) return;
  const col = (f: keyof ContactTraits) => useful.map((r) => r[f] ?? null);
  await sql`
    UPDATE contacts c SET
      first_name = coalesce(i.first_name, c.first_name),
      last_name = coalesce(i.last_name, c.last_name),
      phone = coalesce(i.phone, c.phone),
      title = coalesce(i.title, c.title),
      email = coalesce(c.email, i.email),
      account_id = coalesce(c.account_id, (SELECT a.id FROM accounts a
        WHERE a.workspace_id = c.workspace_id AND a.domain = i.domain AND a.deleted_at IS NULL)),
      updated_at = now()
    FROM unnest(${useful.map((r) => r.id)}::uuid[], ${col('email')}::text[], ${col('first_name')}::text[],
      ${col('last_name')}::text[], ${col('phone')}::text[], ${col('title')}::text[],
      ${useful.map((r) => companyDomainOfEmail(r.email))}::text[])
      AS i(id, email, first_name, last_name, phone, title, domain)
    WHERE c.workspace_id = ${ws} AND c.id = i.id AND c.deleted_at IS NULL
      AND ((i.first_name IS NOT NULL AND i.first_name IS DISTINCT FROM c.first_name)
        OR (i.last_name IS NOT NULL AND i.last_name IS DISTINCT FROM c.last_name)
        OR (i.phone IS NOT NULL AND i.phone IS DISTINCT FROM c.phone)
        OR (i.title IS NOT NULL AND i.title IS DISTINCT FROM c.title)
        OR (c.email IS NULL AND i.email IS NOT NULL))`.execute(trx);
}

/** group: the account is found by group id, then domain, then name, and created when missing. */
async function applyGroups(trx: Trx, ws: string, events: TrackedEvent[], contactIds: Array<string | null>): Promise<void> {
  const groups = events.flatMap((e, i) =>
    e.type === 'group' && e.groupId ? [{ e, contactId: contactIds[i], ...groupTraits(e.groupId, e.traits) }] : [],
  );
  if (groups.length === 0) return;
  const groupIds = [...new Set(groups.map((g) => g.e.groupId!))];
  const { rows } = await sql<{ group_id: string; account_id: string }>`
    SELECT g.group_id, g.account_id FROM group_accounts g
    JOIN accounts a ON a.workspace_id = g.workspace_id AND a.id = g.account_id AND a.deleted_at IS NULL
    WHERE g.workspace_id = ${ws} AND g.group_id = ANY(${groupIds}::text[])`.execute(trx);
  const accountOf = new Map(rows.map((r) => [r.group_id, r.account_id]));

  const unmapped = groups.filter((g) => !accountOf.has(g.e.groupId!));
  const byDomain = unmapped.flatMap((g) => {
    const domain = g.domainInput ? normaliseDomain(g.domainInput) : undefined;
    return domain ? [{ g, domain }] : [];
  });
  const domainIds = await ensureAccountsByDomain(
    trx,
    ws,
    byDomain.map(({ g, domain }) => ({ domain, name: g.name ?? undefined })),
  );
  for (const { g, domain } of byDomain) accountOf.set(g.e.groupId!, domainIds.get(domain)!);
  const byName = unmapped.filter((g) => !accountOf.has(g.e.groupId!));
  const nameIds = await ensureAccountsByName(
    trx,
    ws,
    byName.map((g) => g.name ?? g.e.groupId!),
  );
  for (const g of byName) accountOf.set(g.e.groupId!, nameIds.get((g.name ?? g.e.groupId!).toLowerCase())!);

  const mappings = groupIds.filter((id) => accountOf.has(id));
  await sql`
    INSERT INTO group_accounts (workspace_id, group_id, account_id)
    SELECT ${ws}, g, a FROM unnest(${mappings}::text[], ${mappings.map((id) => accountOf.get(id)!)}::uuid[]) AS t(g, a)
    ON CONFLICT (workspace_id, group_id) DO UPDATE SET account_id = excluded.account_id
      WHERE group_accounts.account_id IS DISTINCT FROM excluded.account_id`.execute(trx);

  // the last group call of a contact in the batch wins
  const contactAccount = new Map<string, string>();
  for (const g of groups) if (g.contactId) contactAccount.set(g.contactId, accountOf.get(g.e.groupId!)!);
  if (contactAccount.size === 0) return;
  await sql`
    UPDATE contacts c SET account_id = i.account_id, updated_at = now()
    FROM unnest(${[...contactAccount.keys()]}::uuid[], ${[...contactAccount.values()]}::uuid[]) AS i(id, account_id)
    WHERE c.workspace_id = ${ws} AND c.id = i.id AND c.deleted_at IS NULL AND c.account_id IS DISTINCT FROM i.account_id`.execute(trx);
}
