// The team: eight teammates next to the admin, all signing in with the demo password (hashed once).
// Users are global, so a second demo run reuses the teammates it created the first time.
import { sql } from 'kysely';
import { hashPassword } from '../../platform/auth/secrets.ts';
import { DAY } from '../timeline.ts';
import { iso } from '../insert-rows.ts';
import { ADMIN_NAME, Staffing, TEAMMATES, type TeamMember } from '../team.ts';
import type { SeedStep } from '../seed-context.ts';

export const teamStep: SeedStep = {
  name: 'team',
  async run(ctx) {
    const rng = ctx.rng('team');
    const { db, workspaceId, timeline } = ctx;
    const hash = await hashPassword(ctx.settings.password);
    const emails = TEAMMATES.map((t) => t.email);
    // the team joined in the first weeks; most looked at Tandem today
    const joined = TEAMMATES.map((_, i) => iso(timeline.start + (i + 1) * rng.int(1, 4) * DAY));
    const seen = TEAMMATES.map(() => iso(timeline.end - rng.int(5, 60 * 30) * 60_000));

    const members = await db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO users (email, name, password_hash, created_at)
        SELECT e, n, ${hash}, j::timestamptz FROM unnest(${emails}::text[], ${TEAMMATES.map((t) => t.name)}::text[], ${joined}::text[]) AS t(e, n, j)
        ON CONFLICT (email) DO NOTHING`.execute(trx);
      const { rows } = await sql<{ id: string; email: string }>`SELECT id, email FROM users WHERE email = ANY(${emails}::text[])`.execute(
        trx,
      );
      const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
      const ids = emails.map((e) => idByEmail.get(e)!);
      await sql`
        INSERT INTO members (workspace_id, user_id, role, created_at, updated_at, last_seen_at)
        SELECT ${workspaceId}, u, r, j::timestamptz, j::timestamptz, s::timestamptz
        FROM unnest(${ids}::uuid[], ${TEAMMATES.map((t) => t.role)}::text[], ${joined}::text[], ${seen}::text[]) AS t(u, r, j, s)
        ON CONFLICT (workspace_id, user_id) DO NOTHING`.execute(trx);
      // the workspace and its admin date from the start of the story, not from the seeding run
      await sql`UPDATE workspaces SET created_at = ${iso(timeline.start)} WHERE id = ${workspaceId}`.execute(trx);
      await sql`
        UPDATE members SET created_at = ${iso(timeline.start)}, last_seen_at = ${iso(timeline.end)}
        WHERE workspace_id = ${workspaceId} AND user_id = ${ctx.adminId}`.execute(trx);
      return TEAMMATES.map((t, i): TeamMember => ({ ...t, id: ids[i] }));
    });

    const admin: TeamMember = {
      id: ctx.adminId,
      name: ADMIN_NAME,
      email: '',
      role: 'admin',
      job: 'admin',
      title: 'Head of Revenue Operations',
    };
    ctx.staffing = new Staffing([admin, ...members]);
    ctx.log(`  ${members.length} teammates (sign in as ${members[0].email} etc. with the demo password)`);
  },
};
