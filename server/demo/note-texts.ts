// What the team writes down: call summaries, meeting notes, QBRs, churn post-mortems. Each kind of
// note has a few phrasings filled from the record it sits on, so notes read like a real team's. Pure.
import type { Rng } from './random.ts';

export type NoteKind =
  | 'event-followup'
  | 'content-followup'
  | 'sdr-voicemail'
  | 'sdr-connect'
  | 'discovery'
  | 'demo'
  | 'proposal'
  | 'security-review'
  | 'kickoff'
  | 'check-in'
  | 'expansion'
  | 'reference'
  | 'churn-exit'
  | 'account-plan'
  | 'qbr'
  | 'renewal'
  | 'deal-update'
  | 'churn-postmortem'
  | 'free-usage'
  | 'research';

export interface NoteSlots {
  first: string;
  title: string | null;
  company: string;
  industry: string;
  employees: number;
  /** Their warehouse and BI tool, from the account's tech stack when known. */
  warehouse: string;
  biTool: string;
  interest: string;
  eventName: string;
  ae: string;
  sdr: string;
  plan: string;
  arr: number;
  renewalDate: string;
  /** When the note is written (ms): "next Tuesday", "end of March" are relative to it. */
  at: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const PAINS = [
  'reports are rebuilt by hand every Monday',
  'every team has its own numbers for revenue',
  'the data team is a bottleneck for every ad-hoc question',
  'dashboards take minutes to load on month-end',
  'nobody trusts the pipeline numbers in the board deck',
  'they export to spreadsheets to do any real analysis',
  'their current BI licences are getting expensive as they grow',
];
const OBJECTIONS = [
  'pricing per seat',
  'SSO and audit logs',
  'the migration effort from existing dashboards',
  'data residency in the EU',
  'row-level permissions',
];

/** "Self-serve BI" → "self-serve BI" in the middle of a sentence; acronyms keep their case. */
const topic = (t: string) =>
  t
    .split(' ')
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
const money = (n: number) => `$${n >= 1000 ? `${Math.round(n / 1000)}k` : n}`;
const monthAfter = (at: number, months: number) => MONTHS[(new Date(at).getUTCMonth() + months) % 12];

const TEMPLATES: Record<NoteKind, Array<(s: NoteSlots, rng: Rng) => string>> = {
  'event-followup': [
    (s) =>
      `Attended "${s.eventName}" and asked a question about ${topic(s.interest)}. Sent the recording and our ${s.interest} guide. Adding to the nurture track; hand to ${s.sdr} if they engage again.`,
    (s) =>
      `Met ${s.first} at ${s.eventName}. Evaluating options for ${topic(s.interest)} this year; currently on ${s.biTool}. Promised a follow-up with a customer story from ${s.industry.toLowerCase()}.`,
    (s) =>
      `${s.first} stayed after the session at ${s.eventName} to ask about pricing. Good fit (${s.company}, ~${s.employees} people). Flagged to ${s.sdr}.`,
  ],
  'content-followup': [
    (s) =>
      `Downloaded the ${s.interest} buyer's guide and came back to the pricing page twice. Enrolled in the ${topic(s.interest)} nurture; ${s.sdr} to follow up if engagement keeps rising.`,
    (s) => `Replied to the newsletter asking whether we integrate with ${s.warehouse}. Sent the docs link and a short demo video.`,
  ],
  'sdr-voicemail': [
    (s) =>
      `Called ${s.first}, no answer; left a voicemail referencing ${s.eventName || 'their visit to the pricing page'}. Follow-up email sent. Next attempt in a week.`,
    (s, rng) =>
      `Two call attempts this week, no pick-up. Emailed a short note on how ${rng.pick(['a similar company', 'a peer in their industry', 'one of our customers'])} cut reporting time in half. Will try LinkedIn next.`,
    (s) => `Gatekeeper at ${s.company} says ${s.first} is travelling until next week. Call back then.`,
  ],
  'sdr-connect': [
    (s, rng) =>
      `Connected with ${s.first} by phone. Reporting today: ${s.biTool} on top of ${s.warehouse}, and ${rng.pick(PAINS)}. Interested — booked a discovery call with ${s.ae} for ${rng.pick(WEEKDAYS)}.`,
    (s, rng) =>
      `Good call with ${s.first}${s.title ? ` (${s.title})` : ''}. Team of ${rng.int(2, 12)} analysts; pain: ${rng.pick(PAINS)}. Budget cycle starts in ${monthAfter(s.at, 2)}. Passed to ${s.ae}.`,
    (s) =>
      `${s.first} replied to the sequence and took a 15-minute call. Looking at ${topic(s.interest)}, timeline this quarter. Qualified: BANT mostly there, authority sits with their VP. Meeting set with ${s.ae}.`,
  ],
  discovery: [
    (s, rng) =>
      `Discovery with ${s.first}. ${s.company}'s data lives in ${s.warehouse}; ${rng.int(20, 400)} people need dashboards, ${rng.int(3, 25)} build them. Main pain: ${rng.pick(PAINS)}. Next: technical demo with their data engineering lead.`,
    (s, rng) =>
      `Discovery call. Current stack: ${s.biTool} + ${s.warehouse}. Success criteria: one source of truth for ${rng.pick(['revenue', 'pipeline', 'inventory', 'patient volume', 'churn'])} metrics, self-serve for business teams. Decision by end of ${monthAfter(s.at, 2)}.`,
    (s, rng) =>
      `${s.first} walked us through their monthly reporting: ${rng.pick(PAINS)}. Stakeholders: ${s.first}, a finance lead and IT for security review. Sending a mutual action plan.`,
  ],
  demo: [
    (s, rng) =>
      `Demo for ${s.first} and ${rng.int(2, 6)} colleagues. Strong reaction to the semantic layer and scheduled reports. Questions on ${rng.pick(OBJECTIONS)}. Trial workspace connected to ${s.warehouse}.`,
    (s) =>
      `Technical demo on their own data in ${s.warehouse}. ${s.first} built a first dashboard during the call. Concern: migrating existing ${s.biTool} reports — offered our migration service.`,
    (s, rng) =>
      `Follow-up demo focused on ${topic(s.interest)}. They compared us with ${s.biTool}; we win on speed and cost per viewer. Open item: ${rng.pick(OBJECTIONS)}.`,
  ],
  proposal: [
    (s, rng) =>
      `Sent the ${s.plan} proposal: ${rng.int(10, 120)} creator seats, unlimited viewers, ${money(s.arr)}/year. ${s.first} needs sign-off from their CFO; decision expected by end of ${monthAfter(s.at, 1)}.`,
    (s, rng) =>
      `Pricing call with ${s.first}. Asked for a ${rng.pick(['10%', '12%', '15%'])} discount for a two-year term. Told them we can do it with a case study commitment. Revised quote sent.`,
    (s) =>
      `Proposal reviewed with procurement at ${s.company}. Redlines on the DPA expected next week. Verbal: we are the preferred vendor over ${s.biTool}.`,
  ],
  'security-review': [
    (s) =>
      `Security questionnaire from ${s.company} returned (SOC 2 report, pen test summary). Their IT asked about SSO via SAML and audit log retention — both covered on ${s.plan}.`,
    (s, rng) =>
      `Call with their IT and ${s.first} on ${rng.pick(OBJECTIONS)}. No blockers; they want the data to stay in their own infrastructure, which it does.`,
  ],
  kickoff: [
    (s, rng) =>
      `Onboarding kickoff with ${s.first}. Connected ${s.warehouse}, first ${rng.int(5, 20)} dashboards to migrate from ${s.biTool}. Weekly check-ins for the first month.`,
    (s) => `Welcome call done. ${s.first} is our admin at ${s.company}; SSO configured, training for analysts booked for next week.`,
  ],
  'check-in': [
    (s, rng) =>
      `Check-in with ${s.first}: ${rng.int(40, 95)}% of licensed users active weekly. Asked about ${topic(s.interest)}. Renewal ${s.renewalDate}; health green.`,
    (s, rng) =>
      `Monthly call. Rolled out to ${rng.pick(['finance', 'marketing', 'operations', 'sales', 'customer success'])}. One complaint about slow refresh on a large table in ${s.warehouse} — opened a support ticket.`,
    (s) =>
      `${s.first} shared that the exec team now runs the weekly business review from our dashboards instead of slides. Good reference candidate.`,
  ],
  expansion: [
    (s, rng) =>
      `${s.first} wants to add ${rng.int(10, 60)} seats for the ${rng.pick(['EMEA', 'APAC', 'finance', 'product'])} team. Sending an expansion quote on the ${s.plan} plan.`,
    (s) =>
      `Discussed embedded analytics for their customer portal — potential upsell before the ${s.renewalDate} renewal. ${s.ae} to scope it.`,
  ],
  reference: [
    (s) =>
      `${s.first} agreed to be a reference customer and to speak at our next webinar. Marketing to draft the case study with ${s.company}.`,
    (s, rng) =>
      `${s.first} referred a peer at another ${s.industry.toLowerCase()} company. Sent a thank-you gift; logged the referral. NPS response: ${rng.int(9, 10)}.`,
  ],
  'churn-exit': [
    (s, rng) =>
      `Exit call with ${s.first}. Not renewing: ${rng.pick(['moving everything to the BI tool bundled with their warehouse', 'budget cuts after a reorg', 'the champion left and adoption dropped', 'consolidating on a single vendor group-wide'])}. Door open for a return next year.`,
    (s) => `${s.first} confirmed ${s.company} will not renew. Asked for a data export of saved dashboards; sent instructions.`,
  ],
  'account-plan': [
    (s, rng) =>
      `Account plan: ${s.plan} since ${rng.pick(['launch', 'last year'])}, ${money(s.arr)} ARR. Whitespace: ${rng.pick(['finance team', 'European subsidiaries', 'embedded analytics', 'marketing analytics'])}. Exec sponsor needed before renewal on ${s.renewalDate}.`,
    (s) =>
      `Mapping the org at ${s.company}: champion in the data team, economic buyer is the CFO, IT owns the data platform. Goal this quarter: second department live.`,
  ],
  qbr: [
    (s, rng) =>
      `QBR: ${rng.int(50, 400)} weekly active users (up ${rng.int(5, 40)}% QoQ), ${rng.int(100, 900)} dashboards. Asks: better alerting, ${topic(s.interest)}. Renewal ${s.renewalDate}, low risk.`,
    (s, rng) =>
      `Quarterly review with the ${s.company} team. Adoption flat in ${rng.pick(['sales', 'operations', 'marketing'])}; agreed on a training session. Shared the roadmap for AI insights.`,
  ],
  renewal: [
    (s, rng) =>
      `Renewal prep for ${s.renewalDate}: ${money(s.arr)} ARR, proposing a ${rng.pick(['5%', '7%', '8%'])} uplift with two extra modules. Procurement contact confirmed.`,
    (s) => `Renewal risk review: usage healthy, but the budget owner changed. Intro meeting with the new VP set up by our champion.`,
  ],
  'deal-update': [
    (s, rng) =>
      `Deal update: ${s.plan} at ${money(s.arr)}, stage ${rng.pick(['evaluation', 'proposal', 'negotiation'])}. Competition: ${s.biTool}. Next step: ${rng.pick(['security review', 'pricing call with the CFO', 'trial readout', 'reference call with a customer'])}.`,
    (s) =>
      `Buying committee at ${s.company}: data team (champion), finance (budget), IT (security). Target close end of ${monthAfter(s.at, 1)}.`,
  ],
  'churn-postmortem': [
    (s, rng) =>
      `Churned. Reason: ${rng.pick(['champion left', 'price', 'switched to the BI tool bundled with their warehouse', 'low adoption outside the data team'])}. ARR lost: ${money(s.arr)}. Win-back in ${monthAfter(s.at, 9)}.`,
  ],
  'free-usage': [
    (s, rng) =>
      `Free workspace active: ${rng.int(3, 15)} users, ${rng.int(5, 40)} dashboards on ${s.warehouse}. Hitting the viewer limit — good upgrade candidate for Starter.`,
    (s) => `Product-qualified: ${s.company} connected ${s.warehouse} and invited colleagues in the first week. ${s.sdr} to reach out.`,
  ],
  research: [
    (s) =>
      `Target account: ${s.industry}, ~${s.employees} employees, on ${s.warehouse}. Hiring analytics engineers — likely rebuilding their reporting. Find the head of data.`,
    (s) =>
      `${s.company} showed up in intent data for "${topic(s.interest)}". No contact engaged yet; adding to the ${s.sdr} outbound list.`,
  ],
};

export function noteBody(rng: Rng, kind: NoteKind, slots: NoteSlots): string {
  return rng.pick(TEMPLATES[kind])(slots, rng);
}
