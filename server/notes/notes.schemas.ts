import { z } from 'zod';

export const noteSchema = z
  .object({
    id: z.uuid(),
    contactId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    dealId: z.uuid().nullable(),
    body: z.string(),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Note' });

const body = z.string().trim().min(1, 'must not be empty').max(20_000, 'must be at most 20,000 characters');

export const createNoteSchema = z
  .strictObject({
    contactId: z.uuid({ message: 'must be a valid contact id' }).optional(),
    accountId: z.uuid({ message: 'must be a valid account id' }).optional(),
    dealId: z.uuid({ message: 'must be a valid deal id' }).optional(),
    body,
  })
  .refine((n) => Number(!!n.contactId) + Number(!!n.accountId) + Number(!!n.dealId) === 1, {
    message: 'attach the note to exactly one of contactId, accountId or dealId',
    path: ['contactId'],
  })
  .meta({ id: 'NoteCreate' });

export const updateNoteSchema = z.strictObject({ body }).meta({ id: 'NoteUpdate' });

export type Note = z.output<typeof noteSchema>;
