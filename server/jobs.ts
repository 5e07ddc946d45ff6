// Every job the worker knows. A job's definition lives in its domain; this list is the registry.
import type { JobDefinition } from './platform/jobs.ts';
import { createCustomFieldIndex, stripCustomFieldValues } from './custom-fields/custom-fields.jobs.ts';
import { sendOutboxEmail } from './outbox/outbox.jobs.ts';
import { runImport } from './imports/imports.jobs.ts';
import { maintenance } from './maintenance/maintenance.jobs.ts';
import { maintainTracking, processInbox } from './tracking/tracking.jobs.ts';
import { reclassifyTouches } from './channels/reclassify-touches.ts';

// any: the registry holds jobs with different payload types
export const jobDefinitions: JobDefinition<any>[] = [createCustomFieldIndex, stripCustomFieldValues, sendOutboxEmail, runImport, maintenance, processInbox, maintainTracking, reclassifyTouches];
