import type { LifecycleStage } from '../api/client.ts';

/** Lifecycle stages in funnel order, with the label and badge colour the app uses everywhere. */
export const LIFECYCLE_STAGES: ReadonlyArray<{ value: LifecycleStage; label: string; color: string }> = [
  { value: 'subscriber', label: 'Subscriber', color: 'gray' },
  { value: 'lead', label: 'Lead', color: 'blue' },
  { value: 'mql', label: 'MQL', color: 'cyan' },
  { value: 'sql', label: 'SQL', color: 'teal' },
  { value: 'opportunity', label: 'Opportunity', color: 'violet' },
  { value: 'customer', label: 'Customer', color: 'green' },
  { value: 'evangelist', label: 'Evangelist', color: 'pink' },
  { value: 'other', label: 'Other', color: 'dark' },
];

export const stageInfo = (stage: string | null | undefined) => LIFECYCLE_STAGES.find((s) => s.value === stage);
