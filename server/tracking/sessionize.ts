// Visits (sessions): a visitor's page views with no gap longer than 30 minutes, as Google Analytics
// counts them. Pure: takes a batch's page views and each visitor's visits so far, says which visit
// every view belongs to and which views open a new one (those become touches).
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface PageView {
  /** Position in the batch. */
  index: number;
  visitor: string;
  at: number;
  url: string | null;
  referrer: string | null;
}

export interface VisitState {
  id: string;
  visitor: string;
  startedAt: number;
  lastSeenAt: number;
  pageViews: number;
  landingPage: string | null;
  referrer: string | null;
}

export interface Sessionized {
  /** batch index → visit id */
  visitOf: Map<number, string>;
  /** batch indexes of the views that opened a visit */
  entries: Set<number>;
  created: VisitState[];
  /** existing visits that gained views (new totals and bounds) */
  extended: VisitState[];
}

/**
 * A view joins the visit whose span, widened by the gap on both sides, contains it (the latest such
 * visit); otherwise it opens a new visit. Views are taken in time order, so a batch that arrives out
 * of order still groups the same way.
 */
export function sessionize(views: PageView[], previous: VisitState[], newId: () => string): Sessionized {
  const visitsOf = new Map<string, VisitState[]>();
  const existing = new Set<string>();
  for (const v of previous) {
    visitsOf.set(v.visitor, [...(visitsOf.get(v.visitor) ?? []), { ...v }]);
    existing.add(v.id);
  }
  const visitOf = new Map<number, string>();
  const entries = new Set<number>();
  const created: VisitState[] = [];
  const touched = new Set<VisitState>();

  const ordered = [...views].sort((a, b) => a.at - b.at || a.index - b.index);
  for (const view of ordered) {
    const candidates = visitsOf.get(view.visitor) ?? [];
    let visit: VisitState | undefined;
    for (const c of candidates) {
      if (view.at >= c.startedAt - VISIT_GAP_MS && view.at <= c.lastSeenAt + VISIT_GAP_MS && (!visit || c.lastSeenAt > visit.lastSeenAt))
        visit = c;
    }
    if (visit) {
      if (view.at < visit.startedAt) {
        // a late view from before the visit's first: it becomes the entry
        visit.startedAt = view.at;
        visit.landingPage = view.url;
        visit.referrer = view.referrer;
      }
      visit.lastSeenAt = Math.max(visit.lastSeenAt, view.at);
      visit.pageViews += 1;
    } else {
      visit = {
        id: newId(),
        visitor: view.visitor,
        startedAt: view.at,
        lastSeenAt: view.at,
        pageViews: 1,
        landingPage: view.url,
        referrer: view.referrer,
      };
      candidates.push(visit);
      visitsOf.set(view.visitor, candidates);
      created.push(visit);
      entries.add(view.index);
    }
    visitOf.set(view.index, visit.id);
    touched.add(visit);
  }
  return { visitOf, entries, created, extended: [...touched].filter((v) => existing.has(v.id)) };
}
