// POST /api/v1/contacts/{id}/merge: fold another contact into this one (see merge-contacts.ts).
import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { contactSchema } from './contacts.schemas.ts';
import { CONTACT_HISTORY_TABLES, mergeContacts } from './merge-contacts.ts';

const mergeBody = z
  .strictObject({
    otherId: z.uuid({ message: 'must be a valid contact id' }).describe('The contact to merge into this one; it is deleted afterwards.'),
  })
  .meta({ id: 'ContactMerge' });

const mergeResult = z
  .object({
    contact: contactSchema.describe('The surviving contact, with blanks filled from the other.'),
    mergedId: z.uuid().describe('The merged contact, now deleted (it points at the survivor).'),
    moved: z.record(z.enum(CONTACT_HISTORY_TABLES), z.number().int()).describe('Rows moved to the survivor, per kind of history.'),
  })
  .meta({ id: 'ContactMergeResult' });

export function mergeContactRoutes(app: App, ctx: AppContext): void {
  app.post('/api/v1/contacts/:id/merge', {
    schema: {
      tags: ['Contacts'],
      summary: 'Merge another contact into this one',
      description:
        'Keeps this contact (its id and values). Its blank fields are filled from the other, tags are united, missing ' +
        "custom fields copied, and all of the other's history (events, visits, touches, identities, notes, form " +
        'submissions, consents) moves over. The other is deleted and points at this one. One transaction.',
      params: idParams,
      body: mergeBody,
      response: { 200: mergeResult, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(ctx.db, req, reply, 200, (trx) => mergeContacts(trx, req.principal!.workspaceId, req.params.id, req.body.otherId)),
  });
}
