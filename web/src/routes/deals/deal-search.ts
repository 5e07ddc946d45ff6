// The deals page's URL state: view (board by default), pipeline, and the list search (q, sort,
// filters in the API's shape). Kept apart from the page so the router does not load the page eagerly.
import { validateListSearch, type ListSearch } from '../../lib/list-search.ts';

export interface DealSearch extends ListSearch {
  view?: 'list' | 'renewals';
  pipelineId?: string;
}

export function validateDealSearch(raw: Record<string, unknown>): DealSearch {
  const out: DealSearch = validateListSearch(raw);
  if (raw.view === 'list' || raw.view === 'renewals') out.view = raw.view;
  if (typeof raw.pipelineId === 'string' && /^[0-9a-f-]{36}$/i.test(raw.pipelineId)) out.pipelineId = raw.pipelineId;
  return out;
}
