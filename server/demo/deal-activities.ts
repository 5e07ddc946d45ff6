// The sales team's work along every deal's life, stage by stage: intro calls, discovery meetings,
// demos, proposals and order forms, security reviews, renewal reviews; the signed order form or the
// closing-the-loop email at the end. Open deals carry next steps (tasks overdue, due today and
// upcoming; meetings in the coming two weeks), and the admin runs the deal desk on the largest ones,
// so everyone's "My work" is full. Pure.
import type { DealDraft } from './deals.ts';
import type { Rng } from './random.ts';
import { businessSlot, createActivityKit, HOUR, MINUTE, type ActivityDraft, type ActivityEnv, type On } from './activity-kit.ts';
import { DAY } from './timeline.ts';

export function createDealActivities(env: ActivityEnv) {
  const { timeline, staffing } = env;
  const { now, attach, call, email, task, nextStep, meeting, slots, peopleAt, firstOf } = createActivityKit(env);

  /** One stage stint [from, to) of a deal: the work that moved it on. */
  function stint(rng: Rng, deal: DealDraft, stageName: string, from: number, to: number, out: ActivityDraft[]): void {
    const until = Math.min(to, now);
    if (until - from < HOUR) return;
    const s = slots(deal);
    /** A working-hours moment of the stint and what happens then: with one of the deal's people who existed by then. */
    const here = (): [number, On] => {
      const t = timeline.sample(rng, { from, to: until });
      const people = peopleAt(deal, t);
      return [t, { by: deal.ownerId, contact: people.length ? rng.pick(people) : null, account: deal.accountIndex, deal: deal.id }];
    };
    /** A meeting slot on the half hour inside the stint (or the moment itself when none fits). */
    const slot = (t: number) => {
      const start = businessSlot(rng, t, until);
      return start <= until ? start : t;
    };
    const push = (a: ActivityDraft | null) => a && out.push(a);
    const [t1, o1] = here();
    const who = firstOf(o1.contact);
    const people = peopleAt(deal, t1);
    switch (stageName) {
      case 'Qualification':
        if (rng.chance(0.8))
          push(
            call(rng, t1, o1, `Intro call with ${who}`, (c) =>
              c ? `${who} confirmed budget is being planned; current reporting on ${s.bi}. Booked discovery.` : null,
            ),
          );
        if (rng.chance(0.6))
          push(
            email(
              ...here(),
              'outbound',
              `Northwind for ${s.company}`,
              `Hi, thanks for your interest — here is a short overview and a few times for a first call.`,
            ),
          );
        if (rng.chance(0.35)) push(task(rng, ...here(), `Qualify ${s.company}: budget, authority, timeline`));
        break;
      case 'Discovery':
        if (rng.chance(0.9))
          push(
            meeting(
              rng,
              o1,
              slot(t1),
              rng.pick([30, 45]),
              `Discovery call — ${s.company}`,
              `Mapped their stack (${s.warehouse} + ${s.bi}) and who builds reports. Next: a demo on their own data.`,
              rng.sample(people, rng.int(1, 2)),
              rng.chance(0.4) ? [s.sdr] : [],
              from,
            ),
          );
        if (rng.chance(0.6))
          push(
            email(
              ...here(),
              'outbound',
              `Recap: discovery call with Northwind`,
              `Thanks for the time today. As discussed: success criteria, stakeholders and next steps are in the attached plan.`,
            ),
          );
        if (rng.chance(0.3))
          push(
            call(rng, ...here(), `Follow-up call with ${who}`, (c) => (c ? 'Clarified data volumes and the security requirements.' : null)),
          );
        if (rng.chance(0.4)) push(task(rng, ...here(), `Send mutual action plan to ${who}`));
        break;
      case 'Proposal':
        if (rng.chance(0.8))
          push(
            meeting(
              rng,
              o1,
              slot(t1),
              60,
              `Demo on ${s.warehouse} data — ${s.company}`,
              `Built a first dashboard live on their ${s.warehouse} tables. Questions on row-level permissions and pricing.`,
              rng.sample(people, rng.int(1, 3)),
              [],
              from,
            ),
          );
        if (rng.chance(0.6)) push(task(rng, ...here(), `Prepare ${deal.plan} proposal for ${s.company}`, { dueInDays: [1, 3] }));
        if (rng.chance(0.85))
          push(
            email(
              ...here(),
              'outbound',
              `Proposal: Northwind ${deal.plan} for ${s.company}`,
              `Attached: ${s.seats} editor seats and unlimited viewers, ${s.amount} a year. Happy to walk your finance team through it.`,
            ),
          );
        if (rng.chance(0.5))
          push(
            email(
              ...here(),
              'inbound',
              `Re: Proposal: Northwind ${deal.plan} for ${s.company}`,
              `Thanks — a few questions from our finance team on multi-year pricing and the onboarding fee.`,
            ),
          );
        break;
      case 'Negotiation':
        if (rng.chance(0.8))
          push(
            call(rng, t1, o1, `Pricing call with ${who}`, (c) =>
              c ? `Discussed a two-year term; they asked for ${s.discount || 10}% off. Sending a revised quote.` : null,
            ),
          );
        if (rng.chance(0.7))
          push(
            email(
              ...here(),
              'outbound',
              `Order form and DPA — ${s.company}`,
              `Please find the order form and our data processing agreement for signature.`,
            ),
          );
        if (rng.chance(0.5))
          push(
            email(
              ...here(),
              'inbound',
              `Re: Order form and DPA — ${s.company}`,
              `Legal has a few redlines on the DPA; sending them over tomorrow.`,
            ),
          );
        if (rng.chance(deal.plan === 'Enterprise' ? 0.6 : 0.15))
          push(
            meeting(
              rng,
              o1,
              slot(t1),
              45,
              `Security review — ${s.company}`,
              'Walked their IT through SSO, audit logs and data residency. No blockers.',
              rng.sample(people, 2),
              [],
              from,
            ),
          );
        if (rng.chance(0.5)) push(task(rng, ...here(), `Send revised quote to ${who}`, { dueInDays: [1, 2], priority: 'high' }));
        if (s.discount >= 15)
          push(task(rng, ...here(), `Approve ${s.discount}% discount for ${s.company}`, { dueInDays: [1, 2], assignee: env.adminId }));
        break;
      case 'Upcoming':
        if (rng.chance(0.8))
          push(
            email(
              t1,
              o1,
              'outbound',
              `Your Northwind renewal on ${deal.expectedCloseDate}`,
              `Hi ${who}, your subscription renews soon. Could we find 30 minutes to review usage and plans for next year?`,
            ),
          );
        if (rng.chance(0.6)) push(task(rng, ...here(), `Prepare renewal quote for ${s.company}`));
        break;
      case 'Renewal discussion':
        if (rng.chance(0.8))
          push(
            meeting(
              rng,
              o1,
              slot(t1),
              rng.pick([30, 45]),
              `Renewal review — ${s.company}`,
              `Usage review: adoption up in most teams. Discussed seat count for next year.`,
              rng.sample(people, rng.int(1, 2)),
              [],
              from,
            ),
          );
        if (rng.chance(0.4))
          push(call(rng, ...here(), `Renewal check-in with ${who}`, (c) => (c ? 'Budget confirmed; waiting for procurement.' : null)));
        break;
      case 'Verbally committed':
        if (rng.chance(0.7))
          push(email(t1, o1, 'inbound', `Re: Northwind renewal`, `Approved internally — please send the renewal order form.`));
        break;
    }
  }

  function closing(rng: Rng, deal: DealDraft, out: ActivityDraft[]): void {
    const at = deal.closedAt!;
    const people = peopleAt(deal, at);
    const on: On = { by: deal.ownerId, contact: people.length ? rng.pick(people) : null, account: deal.accountIndex, deal: deal.id };
    const s = slots(deal);
    const push = (a: ActivityDraft | null) => a && out.push(a);
    if (deal.status === 'won') {
      if (rng.chance(0.9))
        push(
          email(
            Math.max(deal.moves[deal.moves.length - 2].at, at - rng.int(1, 20) * HOUR),
            on,
            'inbound',
            deal.type === 'renewal' ? 'Signed: renewal order form' : 'Signed order form',
            `Signed copy attached. Looking forward to working together!`,
          ),
        );
      if (deal.type !== 'renewal' && rng.chance(0.7))
        push(task(rng, at, on, `Hand ${s.company} over to onboarding`, { dueInDays: [1, 3] }));
    } else if (deal.type === 'renewal') {
      if (rng.chance(0.7))
        push(
          call(
            rng,
            at,
            on,
            `Exit call with ${firstOf(on.contact)}`,
            () => 'Not renewing. Asked what would bring them back; door left open.',
            () => 'connected',
          ),
        );
    } else if (rng.chance(0.6)) {
      push(
        email(
          at,
          on,
          'outbound',
          `Closing the loop — ${s.company}`,
          `I'll close this out on my side for now; do reach out when the timing is better.`,
        ),
      );
    }
  }

  /** Every activity along a deal's life, and its next steps when it is still open. */
  function dealActivities(rng: Rng, deal: DealDraft): ActivityDraft[] {
    const out: ActivityDraft[] = [];
    for (let i = 0; i < deal.moves.length; i++) {
      const m = deal.moves[i];
      if (m.stage.type !== 'open') continue;
      const to = i + 1 < deal.moves.length ? deal.moves[i + 1].at : now;
      stint(rng, deal, m.stage.name, m.at, to, out);
    }
    if (deal.status !== 'open') {
      closing(rng, deal, out);
      return out;
    }
    const s = slots(deal);
    const current = deal.moves[deal.moves.length - 1];
    const people = peopleAt(deal, now);
    const on: On = { by: deal.ownerId, contact: people.length ? rng.pick(people) : null, account: deal.accountIndex, deal: deal.id };
    const who = firstOf(on.contact);
    const steps: Record<string, string[]> = {
      Qualification: [`Follow up with ${who} on discovery call`, `Research ${s.company}'s data stack`],
      Discovery: [`Book the demo with ${who}'s team`, `Send discovery recap to ${who}`],
      Proposal: [`Follow up on the proposal with ${who}`, `Answer finance's questions on the quote`],
      Negotiation: [`Chase the signed order form`, `Send DPA redlines to legal`],
      Upcoming: [`Send renewal quote to ${who}`],
      'Renewal discussion': [`Confirm seat count for the renewal`],
      'Verbally committed': [`Send renewal order form`],
    };
    if (rng.chance(0.85)) out.push(nextStep(rng, on, current.at, rng.pick(steps[current.stage.name] ?? [`Follow up with ${who}`])));
    if (current.stage.name !== 'Qualification' && people.length && rng.chance(0.45)) {
      const start = businessSlot(rng, now + 2 * HOUR, now + 14 * DAY);
      const subject =
        current.stage.name === 'Negotiation'
          ? `Contract review — ${s.company}`
          : current.stage.name === 'Discovery'
            ? `Demo — ${s.company}`
            : `Next steps — ${s.company}`;
      const m = meeting(
        rng,
        on,
        start,
        rng.pick([30, 45, 60]),
        subject,
        null,
        rng.sample(people, rng.int(1, 2)),
        rng.chance(0.2) ? [s.sdr] : [],
        current.at,
      );
      if (m) out.push(m);
    }
    return out;
  }

  /** The admin (head of revenue operations) runs the deal desk: approvals and exec calls on the largest open deals. */
  function adminWork(rng: Rng, open: readonly DealDraft[]): ActivityDraft[] {
    const largest = [...open]
      .filter((d) => d.board === 'new')
      .sort((a, b) => b.amount - a.amount)
      .slice(0, 8);
    const out: ActivityDraft[] = [];
    const admin = env.adminId;
    largest.forEach((deal, i) => {
      const s = slots(deal);
      const since = deal.moves[deal.moves.length - 1].at;
      const on: On = { by: deal.ownerId, contact: null, account: deal.accountIndex, deal: deal.id };
      const subjects = [
        `Review discount request — ${s.company}`,
        `Deal desk: payment terms for ${s.company}`,
        `Check forecast category of ${deal.name}`,
        `Exec sponsor prep — ${s.company}`,
      ];
      const t = nextStep(rng, on, since, subjects[i % subjects.length], admin);
      // two overdue, two due today, the rest in the coming days
      const endOfDay = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1) - MINUTE;
      const due =
        i < 2
          ? now - rng.int(3, 72) * HOUR
          : i < 4
            ? Math.min(endOfDay, now + rng.int(5, 240) * MINUTE)
            : businessSlot(rng, now + DAY, now + 10 * DAY);
      const created = Math.max(since, Math.min(t.createdAt, now - HOUR));
      out.push({ ...t, dueAt: due, createdBy: i % 2 ? admin : deal.ownerId, createdAt: created, updatedAt: created });
      if (i < 3) {
        const people = peopleAt(deal, now);
        const m = meeting(
          rng,
          { ...on, contact: people[0] ?? null },
          businessSlot(rng, now + 3 * HOUR, now + 9 * DAY),
          30,
          `Executive sponsor call — ${s.company}`,
          null,
          people.slice(0, 1),
          [admin],
          since,
        );
        if (m) out.push(m);
      }
    });
    return out;
  }

  return { dealActivities, adminWork };
}
