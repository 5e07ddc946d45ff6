// Activities in the API: one shape out (fields of other types are null), one input shape per type
// in, so each type's rules live in its schema and OpenAPI shows which fields apply to which type.
import { z } from 'zod';

export const ACTIVITY_TYPES = ['task', 'call', 'meeting', 'email'] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const CALL_OUTCOMES = ['connected', 'left_voicemail', 'no_answer', 'busy', 'wrong_number', 'gatekeeper'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;

const named = z.object({ id: z.uuid(), name: z.string() });

export const attendeeSchema = z.object({
  kind: z.enum(['contact', 'member']),
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
});

export const activitySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(ACTIVITY_TYPES),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    contactId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    dealId: z.uuid().nullable(),
    contact: named.nullable(),
    account: named.nullable(),
    deal: named.nullable(),
    assigneeId: z.uuid().nullable().describe('Task: who it is assigned to. Call, meeting, email: who made, holds or handled it.'),
    assignee: named.nullable(),
    createdBy: named.nullable(),
    dueAt: z.date().nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    done: z.boolean(),
    doneAt: z.date().nullable(),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    durationSeconds: z.number().int().nullable(),
    direction: z.enum(DIRECTIONS).nullable(),
    startsAt: z.date().nullable(),
    endsAt: z.date().nullable(),
    location: z.string().nullable(),
    attendees: z.array(attendeeSchema),
    fromAddress: z.string().nullable(),
    toAddresses: z.array(z.string()),
    occurredAt: z.date().describe('Where the activity sits on timelines: a call or email when it happened, a meeting its start, a task its creation.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Activity' });

export type Activity = z.output<typeof activitySchema>;

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp, e.g. 2026-03-02T15:00:00Z' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const requiredSubject = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const email = z.string().trim().toLowerCase().pipe(z.email({ message: 'is not a valid email address' }));
const ids = (what: string) => z.array(z.uuid({ message: `must be a valid ${what} id` })).max(100, 'at most 100 attendees');

/** Fields every type has. */
const common = {
  subject: text(500),
  body: text(20_000),
  contactId: z.uuid({ message: 'must be a valid contact id' }).nullable().optional(),
  accountId: z.uuid({ message: 'must be a valid account id' }).nullable().optional(),
  dealId: z.uuid({ message: 'must be a valid deal id' }).nullable().optional(),
  assigneeId: z.uuid({ message: 'must be a valid user id' }).nullable().optional().describe('Defaults to the caller.'),
};

/** Fields each type adds; a field of another type is refused. */
export const TYPE_FIELDS = {
  task: {
    subject: requiredSubject,
    dueAt: instant.nullable().optional(),
    priority: z.enum(PRIORITIES).optional().describe('Default normal.'),
  },
  call: {
    outcome: z.enum(CALL_OUTCOMES).nullable().optional(),
    durationSeconds: z.number().int('must be a whole number of seconds').min(0, 'must not be negative').max(86_400, 'must be at most a day').nullable().optional(),
    direction: z.enum(DIRECTIONS).optional().describe('Default outbound.'),
    occurredAt: instant.optional().describe('When the call happened; default now.'),
  },
  meeting: {
    subject: requiredSubject,
    startsAt: instant,
    endsAt: instant.nullable().optional(),
    location: text(500),
    attendeeContactIds: ids('contact').optional(),
    attendeeUserIds: ids('user').optional(),
  },
  email: {
    direction: z.enum(DIRECTIONS).optional().describe('Default outbound.'),
    fromAddress: email.nullable().optional(),
    toAddresses: z.array(email).max(50, 'at most 50 addresses').optional(),
    occurredAt: instant.optional().describe('When the email was sent or received; default now.'),
  },
} as const;

type WithLinks = { contactId?: string | null; accountId?: string | null; dealId?: string | null };
const hasLink = (a: WithLinks) => !!(a.contactId || a.accountId || a.dealId);
const linkRule = { message: 'attach the activity to a contact, an account or a deal', path: ['contactId'] };

export const createTaskSchema = z
  .strictObject({ type: z.literal('task'), ...common, ...TYPE_FIELDS.task })
  .refine(hasLink, linkRule)
  .meta({ id: 'TaskCreate' });
export const createCallSchema = z
  .strictObject({ type: z.literal('call'), ...common, ...TYPE_FIELDS.call })
  .refine(hasLink, linkRule)
  .meta({ id: 'CallCreate' });
export const createMeetingSchema = z
  .strictObject({ type: z.literal('meeting'), ...common, ...TYPE_FIELDS.meeting })
  .refine(hasLink, linkRule)
  .refine((m) => !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: 'must be after startsAt', path: ['endsAt'] })
  .meta({ id: 'MeetingCreate' });
export const createEmailSchema = z
  .strictObject({ type: z.literal('email'), ...common, ...TYPE_FIELDS.email })
  .refine(hasLink, linkRule)
  .meta({ id: 'EmailCreate' });

export const createActivitySchema = z.discriminatedUnion(
  'type',
  [createTaskSchema, createCallSchema, createMeetingSchema, createEmailSchema],
  { error: `must be one of ${ACTIVITY_TYPES.join(', ')}` },
);
export type ActivityInput = z.output<typeof createActivitySchema>;

export const CREATE_SCHEMAS = { task: createTaskSchema, call: createCallSchema, meeting: createMeetingSchema, email: createEmailSchema };

/** PATCH: any field of any type; the use case refuses fields that do not apply to the activity's type. */
export const updateActivitySchema = z
  // common last: a subject may be cleared on a call or an email; a task or meeting refuses it later
  .strictObject({ ...TYPE_FIELDS.call, ...TYPE_FIELDS.meeting, ...TYPE_FIELDS.email, ...TYPE_FIELDS.task, ...common })
  .partial()
  .meta({ id: 'ActivityUpdate' });
export type ActivityPatch = z.output<typeof updateActivitySchema>;

export const myWorkQuerySchema = z.strictObject({
  assigneeId: z.uuid({ message: 'must be a valid user id' }).optional().describe('Whose work (admins only for someone else); default the caller.'),
  tz: z.string().max(64).default('UTC').describe('IANA time zone that decides where "today" starts and ends, e.g. Europe/Berlin.'),
  now: instant.optional().describe('The moment to bucket against; default the current time.'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Items per bucket, 1–500 (default 100).'),
});

export const myWorkSchema = z
  .object({
    assigneeId: z.uuid(),
    overdue: z.array(activitySchema).describe('Open tasks due before now, oldest first.'),
    today: z.array(activitySchema).describe('Open tasks due later today and meetings starting today, by time.'),
    upcoming: z.array(activitySchema).describe('Open tasks due after today (then those with no due date) and meetings after today.'),
    counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  })
  .meta({ id: 'MyWork' });

export const myWorkCountsSchema = myWorkSchema.shape.counts.meta({ id: 'MyWorkCounts' });
