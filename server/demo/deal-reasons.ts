// Why deals closed: the close reasons a deal picks by how far it got (from the workspace's default
// reasons), and the note a rep sometimes leaves. Pure.
import { weightedKeys, type Rng } from './random.ts';
import type { DemoAccount } from './seed-context.ts';

export const WON_REASONS = weightedKeys({
  'Best fit for their needs': 40,
  'Price and value': 20,
  'Relationship and trust': 22,
  'Speed of implementation': 18,
});
export const LOST_REASONS_EARLY = weightedKeys({ 'Not a fit': 32, 'Bad timing': 28, 'No decision / went dark': 28, 'Price too high': 12 });
export const LOST_REASONS_MID = weightedKeys({
  'No decision / went dark': 30,
  'Missing features': 24,
  'Bad timing': 16,
  'Lost to a competitor': 18,
  'Not a fit': 12,
});
export const LOST_REASONS_LATE = weightedKeys({
  'Lost to a competitor': 36,
  'Price too high': 34,
  'No decision / went dark': 18,
  'Missing features': 12,
});
export const CHURN_REASONS = weightedKeys({
  'Price too high': 30,
  'Lost to a competitor': 26,
  'Missing features': 18,
  'No decision / went dark': 26,
});

/** Sometimes a line on why it closed; null when the rep left none. */
export function closeNote(rng: Rng, account: DemoAccount, reason: string | null): string | null {
  if (!reason || rng.chance(0.45)) return null;
  const bi = account.techStack.find((t) => ['Tableau', 'Power BI', 'Looker'].includes(t)) ?? 'Power BI';
  switch (reason) {
    case 'Lost to a competitor':
      return rng.pick([
        `Went with ${bi}; it came bundled with an existing agreement.`,
        `Chose ${bi} after a side-by-side trial.`,
        'Picked a cheaper point solution for now.',
      ]);
    case 'Price too high':
      return rng.pick([
        'Budget approved at half our quote.',
        'CFO froze new software spend this quarter.',
        'Could not justify the editor seat price for their team size.',
      ]);
    case 'No decision / went dark':
      return rng.pick([
        'Champion stopped replying after the demo.',
        'Project deprioritised; revisit next fiscal year.',
        'Three follow-ups, no answer.',
      ]);
    case 'Missing features':
      return rng.pick(['Needed write-back to their ERP.', 'Required an on-premise deployment.', 'Wanted pixel-perfect PDF reporting.']);
    case 'Bad timing':
      return rng.pick(['Mid-way through a warehouse migration; back in two quarters.', 'Reorg in the data team.', 'Hiring freeze.']);
    case 'Not a fit':
      return rng.pick(['Too small for a BI platform; pointed them at the free plan.', 'Looking for a data warehouse, not BI.']);
    case 'Best fit for their needs':
      return rng.pick(['Semantic layer and self-serve won the analysts over.', `Faster than ${bi} on their own data in the trial.`]);
    case 'Relationship and trust':
      return 'Champion used Northwind at their previous company.';
    default:
      return null;
  }
}
