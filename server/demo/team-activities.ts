// The team's work outside deals: SDRs working their marketing- and sales-qualified leads in their first
// weeks (emails, call attempts, follow-up tasks), and account executives' quarterly business reviews
// and check-in calls with customers, the next review booked when it is near. Pure.
import type { CallOutcome } from '../db-schema.ts';
import { weightedKeys, type Rng } from './random.ts';
import { businessSlot, createActivityKit, HOUR, type ActivityDraft, type ActivityEnv, type On } from './activity-kit.ts';
import { DAY, isoDate } from './timeline.ts';

const SDR_OUTCOMES = weightedKeys<CallOutcome>({
  connected: 30,
  left_voicemail: 32,
  no_answer: 26,
  busy: 4,
  gatekeeper: 6,
  wrong_number: 2,
});

export function createTeamActivities(env: ActivityEnv) {
  const { timeline, accounts, contacts, staffing } = env;
  const { now, call, email, task, nextStep, meeting } = createActivityKit(env);

  /** An SDR working a marketing- or sales-qualified lead in its first weeks. */
  function contactActivities(rng: Rng, c: number): ActivityDraft[] {
    const stage = contacts.stages[c];
    const owner = contacts.ownerIds[c];
    if (!owner || staffing.byId(owner)?.job !== 'sdr') return [];
    if (!(stage === 'mql' || stage === 'sql' || (stage === 'lead' && rng.chance(0.25)))) return [];
    const from = contacts.createdAt[c];
    const to = Math.min(now, from + 40 * DAY);
    if (to - from < HOUR) return [];
    const accountIndex = contacts.accountIndex[c] >= 0 ? contacts.accountIndex[c] : null;
    const on: On = { by: owner, contact: c, account: accountIndex, deal: null };
    const first = contacts.firstNames[c];
    const company = accountIndex === null ? 'your team' : accounts[accountIndex].name;
    const event = contacts.lastEvent[c];
    const out: ActivityDraft[] = [];
    const at = () => timeline.sample(rng, { from, to });
    const push = (a: ActivityDraft | null) => a && out.push(a);
    push(
      email(
        at(),
        on,
        'outbound',
        event ? `After ${event}` : `Quick question, ${first}`,
        `Hi ${first}, ${event ? `thanks for joining ${event}.` : 'saw you looking at our pricing.'} Worth a 15-minute chat about reporting at ${company}?`,
      ),
    );
    for (let n = rng.int(1, stage === 'sql' ? 3 : 2); n > 0; n--) {
      push(
        call(
          rng,
          at(),
          on,
          `Call with ${first}`,
          (ok) =>
            ok ? `Connected: reporting pain confirmed, ${stage === 'sql' ? 'handed to the AE' : 'nurturing until next quarter'}.` : null,
          SDR_OUTCOMES,
        ),
      );
    }
    if (rng.chance(0.3))
      push(email(at(), on, 'inbound', `Re: Quick question, ${first}`, `Thanks — not this quarter, but please check back in a few months.`));
    if (from > now - 14 * DAY && rng.chance(0.7)) out.push(nextStep(rng, on, from, `Follow up with ${first}`));
    else if (rng.chance(0.5)) push(task(rng, at(), on, `Follow up with ${first}`));
    return out;
  }

  /** Quarterly business reviews and check-ins with a customer, the next one booked when it is near. */
  function accountActivities(rng: Rng, accountIndex: number): ActivityDraft[] {
    const account = accounts[accountIndex];
    if (account.status !== 'customer' || !account.customerSince) return [];
    const people = env.contactsByAccount[accountIndex];
    const out: ActivityDraft[] = [];
    const on = (c: number | null): On => ({ by: account.ownerId, contact: c, account: accountIndex, deal: null });
    const push = (a: ActivityDraft | null) => a && out.push(a);
    for (let q = 1; ; q++) {
      const due = account.customerSince + q * 91 * DAY + rng.int(-10, 10) * DAY;
      if (due > now + 30 * DAY) break;
      const present = people.filter((c) => contacts.createdAt[c] <= Math.min(due, now));
      if (!present.length) continue;
      if (due > now) {
        if (rng.chance(0.6))
          push(
            meeting(
              rng,
              on(present[0]),
              businessSlot(rng, Math.max(due, now + HOUR), due + 2 * DAY),
              60,
              `QBR — ${account.name}`,
              null,
              rng.sample(present, rng.int(1, 3)),
              [],
            ),
          );
        break;
      }
      if (rng.chance(0.7)) {
        const start = businessSlot(rng, due, Math.min(now, due + 2 * DAY));
        if (start <= now)
          push(
            meeting(
              rng,
              on(present[0]),
              start,
              60,
              `QBR — ${account.name}`,
              `Reviewed adoption and the roadmap; renewal on ${account.renewalDate ?? isoDate(now)} looks healthy.`,
              rng.sample(present, rng.int(1, 3)),
              rng.chance(0.2) ? [env.adminId] : [],
            ),
          );
      }
      if (rng.chance(0.4)) {
        const c = rng.pick(present);
        out.push(
          call(
            rng,
            timeline.sample(rng, { from: Math.max(due - 45 * DAY, contacts.createdAt[c]), to: Math.min(now, due - 5 * DAY) }),
            on(c),
            `Check-in with ${contacts.firstNames[c]}`,
            (ok) => (ok ? 'All good; asked about the AI insights add-on.' : null),
          ),
        );
      }
    }
    return out;
  }

  return { contactActivities, accountActivities };
}
