// Every source of a deal's timeline. Another module adds its own by writing a DealTimelineSource
// (see deal-timeline.ts; stage-history.source.ts is an example) and listing it here — one import
// and one entry, like server/jobs.ts.
import type { DealTimelineSource } from './deal-timeline.ts';
import { stageHistorySource } from './stage-history.source.ts';
import { dealNotesSource } from './notes.source.ts';
import { dealActivitiesSource } from '../../activities/deal-activities.source.ts';

export const dealTimelineSources: DealTimelineSource[] = [stageHistorySource, dealNotesSource, dealActivitiesSource];
