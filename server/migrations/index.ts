// Migrations in order. Listed statically (not read from disk) so they run the same under tsx, in
// tests and in any bundle. Add a file, then add it here; names sort by date.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-0001-foundation.ts';
import * as campaignsChannels from './2026-11-26-0001-campaigns-channels.ts';
import * as tracking from './2026-11-26-0002-tracking.ts';
import * as forms from './2026-11-26-0003-forms.ts';
import * as deals from './2026-11-26-0004-deals.ts';
import * as activities from './2026-11-26-0005-activities.ts';
import * as quotas from './2026-11-26-0006-quotas.ts';
import * as dealImports from './2026-11-26-0007-deal-imports.ts';
import * as contactsMergedIntoIndex from './2026-11-26-0008-contacts-merged-into-index.ts';
import * as inboxPayloadText from './2026-11-26-0009-inbox-payload-text.ts';
import * as timeOrderedIds from './2026-11-26-0010-time-ordered-ids.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-25-0001-foundation': foundation,
  '2026-11-26-0001-campaigns-channels': campaignsChannels,
  '2026-11-26-0002-tracking': tracking,
  '2026-11-26-0003-forms': forms,
  '2026-11-26-0004-deals': deals,
  '2026-11-26-0005-activities': activities,
  '2026-11-26-0006-quotas': quotas,
  '2026-11-26-0007-deal-imports': dealImports,
  '2026-11-26-0008-contacts-merged-into-index': contactsMergedIntoIndex,
  '2026-11-26-0009-inbox-payload-text': inboxPayloadText,
  '2026-11-26-0010-time-ordered-ids': timeOrderedIds,
};
