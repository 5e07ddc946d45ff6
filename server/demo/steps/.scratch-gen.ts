import { createTimeline } from '../timeline.ts';
import { marketingCalendar } from '../marketing-calendar.ts';
import { createRng } from '../random.ts';
import { planCampaigns } from './website-campaigns.ts';
import { anonymousVisits, contactVisits } from './website-visitors.ts';
const timeline = createTimeline(new Date());
const plan = planCampaigns(timeline, marketingCalendar(timeline.start, timeline.end));
const env = { timeline, plan, sourceId: crypto.randomUUID(), formIds: { 'contact-sales': 'a', 'download-report': 'b', 'webinar-registration': 'c' } as any };
const rng = createRng(1, 'x');
let t0 = performance.now(); let n = 0; let bytes = 0;
for (let i = 0; i < 22500; i++) { const o = anonymousVisits(rng, env); n += o.events.length; if (i % 100 === 0) bytes += JSON.stringify(o.events).length; }
console.log('anon', n, (performance.now() - t0).toFixed(0), 'ms', 'avg bytes/event', (bytes * 100 / n).toFixed(0));
t0 = performance.now(); n = 0;
const sources = ['Website', 'Paid search', 'LinkedIn', 'Webinar', 'Referral', 'Partner', 'Event', 'Outbound', null] as any[];
for (let i = 0; i < 5000; i++) { const o = contactVisits(rng, { index: i, id: crypto.randomUUID(), email: `a${i}@x.example`, firstName: 'A', lastName: 'B', title: null, company: 'X', createdAt: timeline.sample(rng), stage: 'lead', leadSource: sources[i % 9] }, env); n += o.events.length; }
console.log('contacts', n, (performance.now() - t0).toFixed(0), 'ms');
