// When an anonymous id or user id gets its contact, everything it did while anonymous moves to that
// contact: events, touches and visits that have no contact yet. User ids first, so an event carrying
// both goes to the user id's contact. Partial indexes on unresolved rows keep each UPDATE small.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { IdentityOutcome } from './resolve-identities.ts';

export async function stitchHistory(db: DbOrTrx, ws: string, linked: IdentityOutcome['linked']): Promise<void> {
  for (const kind of ['user_id', 'anonymous_id'] as const) {
    const links = linked.filter((l) => l.kind === kind);
    if (links.length === 0) continue;
    const values = links.map((l) => l.value);
    const contacts = links.map((l) => l.contactId);
    const column = sql.ref(kind);
    const input = sql`unnest(${values}::text[], ${contacts}::uuid[]) AS l(value, contact_id)`;
    await sql`UPDATE events e SET contact_id = l.contact_id FROM ${input}
      WHERE e.workspace_id = ${ws} AND e.contact_id IS NULL AND e.${column} = l.value`.execute(db);
    await sql`UPDATE touches t SET contact_id = l.contact_id FROM ${input}
      WHERE t.workspace_id = ${ws} AND t.contact_id IS NULL AND t.${column} = l.value`.execute(db);
    const visitors = kind === 'user_id' ? values.map((v) => `user:${v}`) : values;
    await sql`UPDATE visits v SET contact_id = l.contact_id
      FROM unnest(${visitors}::text[], ${contacts}::uuid[]) AS l(value, contact_id)
      WHERE v.workspace_id = ${ws} AND v.contact_id IS NULL AND v.visitor = l.value`.execute(db);
  }
}
