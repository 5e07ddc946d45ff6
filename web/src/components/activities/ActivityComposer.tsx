// Log a call, schedule a meeting, add a task or log an email on a contact, account or deal; with
// `editing`, the same form edits an existing activity (its type fixed).
import { Button, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { IconCalendarEvent, IconChecklist, IconMail, IconPhone } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { useRefreshActivities, type Activity, type ActivityTarget, type ActivityType } from '../../queries/activities.ts';
import { useUsers } from '../../queries/users.ts';
import { useSession } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { OwnerSelect } from '../OwnerSelect.tsx';
import { ContactsMultiSelect } from './ContactsMultiSelect.tsx';
import { OUTCOMES, PRIORITIES, TYPE_LABELS } from './activity-labels.ts';
import { SUBMIT_LABELS, createBody, duePresets, initialValues, toFields, validate, type ComposerValues } from './composer-values.ts';

const TYPES: Array<{ value: ActivityType; label: string; icon: typeof IconPhone }> = [
  { value: 'call', label: 'Call', icon: IconPhone },
  { value: 'task', label: 'Task', icon: IconChecklist },
  { value: 'meeting', label: 'Meeting', icon: IconCalendarEvent },
  { value: 'email', label: 'Email', icon: IconMail },
];

const WHEN_FORMAT = 'MMM D, YYYY h:mm A';

export interface ActivityComposerProps {
  /** The record(s) a new activity is attached to. */
  target: ActivityTarget;
  /** Names of the target's contact, offered first as a meeting attendee. */
  contactName?: string;
  defaultType?: ActivityType;
  /** Edit this activity instead of adding one. */
  editing?: Activity;
  onSaved?: (activity: Activity) => void;
  onCancel?: () => void;
}

export function ActivityComposer({ target, contactName, defaultType = 'call', editing, onSaved, onCancel }: ActivityComposerProps) {
  const session = useSession();
  const { users } = useUsers();
  const refresh = useRefreshActivities();
  const me = session.user?.id ?? null;
  const form = useForm<ComposerValues>({ initialValues: initialValues(defaultType, me, target, editing), validate: (v) => validate(v) });
  const v = form.values;
  const members = users.filter((u) => u.status === 'active' || v.attendeeUserIds.includes(u.id)).map((u) => ({ value: u.id, label: u.name || u.email }));

  const save = useMutation({
    mutationFn: (values: ComposerValues) =>
      editing
        ? unwrap(api.PATCH('/api/v1/activities/{id}', { params: { path: { id: editing.id } }, body: toFields(values) as never }))
        : unwrap(api.POST('/api/v1/activities', { body: createBody(values, target) as never })),
    onSuccess: (saved) => {
      void refresh();
      notifySuccess(editing ? 'Saved' : `${TYPE_LABELS[saved.type]} ${saved.type === 'task' || saved.type === 'meeting' ? 'added' : 'logged'}`);
      if (!editing) {
        form.setValues(initialValues(form.values.type, me, target));
        form.resetDirty();
      }
      onSaved?.(saved);
    },
    onError: (e) => showApiErrors(form, e, editing ? 'Could not save' : `Could not add the ${TYPE_LABELS[form.values.type].toLowerCase()}`),
  });

  const setType = (type: ActivityType) => {
    // keep what was typed in the fields every type shares
    form.setValues({ ...initialValues(type, me, target), subject: v.subject, body: v.body, assigneeId: v.assigneeId });
    form.clearErrors();
  };
  // list errors like `toAddresses.1` under their input
  const errorOf = (field: keyof ComposerValues) =>
    form.errors[field] ?? Object.entries(form.errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
  const when = (field: 'dueAt' | 'occurredAt' | 'startsAt' | 'endsAt', label: string, extra: Record<string, unknown> = {}) => (
    <DateTimePicker
      label={label}
      valueFormat={WHEN_FORMAT}
      value={v[field]}
      onChange={(value) => form.setFieldValue(field, value)}
      error={errorOf(field)}
      popoverProps={{ withinPortal: true }}
      {...extra}
    />
  );

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="activity-composer" noValidate>
      <Stack gap="sm">
        {!editing && (
          <SegmentedControl
            fullWidth
            size="sm"
            value={v.type}
            onChange={(t) => setType(t as ActivityType)}
            aria-label="Activity type"
            data={TYPES.map((t) => ({
              value: t.value,
              label: (
                <Group gap={6} justify="center" wrap="nowrap">
                  <t.icon size={15} stroke={1.7} />
                  <span>{t.label}</span>
                </Group>
              ),
            }))}
          />
        )}

        <TextInput
          label={v.type === 'meeting' ? 'Title' : 'Subject'}
          placeholder={
            v.type === 'task' ? 'e.g. Send the proposal' : v.type === 'meeting' ? 'e.g. Product demo' : v.type === 'call' ? 'Optional: what the call was about' : 'The email’s subject'
          }
          withAsterisk={v.type === 'task' || v.type === 'meeting'}
          {...form.getInputProps('subject')}
        />

        {v.type === 'task' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {when('dueAt', 'Due', { placeholder: 'No due date', clearable: true, presets: duePresets(), minDate: dayjs().startOf('day').toDate() })}
            <Select label="Priority" data={PRIORITIES.map((p) => ({ ...p }))} allowDeselect={false} {...form.getInputProps('priority')} />
            <OwnerSelect label="Assigned to" value={v.assigneeId} onChange={(id) => form.setFieldValue('assigneeId', id)} error={errorOf('assigneeId')} />
          </SimpleGrid>
        )}

        {v.type === 'call' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label="Outcome" placeholder="How did it go?" data={OUTCOMES.map((o) => ({ ...o }))} clearable {...form.getInputProps('outcome')} />
            <Select
              label="Direction"
              data={[
                { value: 'outbound', label: 'Outbound (we called)' },
                { value: 'inbound', label: 'Inbound (they called)' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('direction')}
            />
            <TextInput label="Duration" placeholder="m:ss, e.g. 4:30" {...form.getInputProps('durationSeconds')} />
            {when('occurredAt', 'When', { placeholder: 'Just now', clearable: true, maxDate: new Date() })}
          </SimpleGrid>
        )}

        {v.type === 'meeting' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {when('startsAt', 'Starts', {
                withAsterisk: true,
                onChange: (value: string | null) => {
                  form.setFieldValue('startsAt', value);
                  // keep the meeting's length when it moves; a new one lasts 30 minutes
                  if (value && (!v.endsAt || !dayjs(v.endsAt).isAfter(dayjs(value)))) {
                    form.setFieldValue('endsAt', dayjs(value).add(30, 'minute').format('YYYY-MM-DD HH:mm:ss'));
                  }
                },
              })}
              {when('endsAt', 'Ends', { placeholder: 'Open-ended', clearable: true, minDate: v.startsAt ? dayjs(v.startsAt).toDate() : undefined })}
            </SimpleGrid>
            <TextInput label="Location" placeholder="Room, address or video link" {...form.getInputProps('location')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <MultiSelect
                label="Our attendees"
                placeholder="Team members"
                data={members}
                searchable
                value={v.attendeeUserIds}
                onChange={(ids) => form.setFieldValue('attendeeUserIds', ids)}
                error={errorOf('attendeeUserIds')}
              />
              <ContactsMultiSelect
                label="Their attendees"
                placeholder="Search contacts"
                known={target.contactId ? [{ id: target.contactId, name: contactName ?? 'This contact' }] : []}
                value={v.attendeeContactIds}
                onChange={(ids) => form.setFieldValue('attendeeContactIds', ids)}
                error={errorOf('attendeeContactIds')}
              />
            </SimpleGrid>
            <OwnerSelect label="Organizer" value={v.assigneeId} onChange={(id) => form.setFieldValue('assigneeId', id)} error={errorOf('assigneeId')} />
          </>
        )}

        {v.type === 'email' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Direction"
              data={[
                { value: 'outbound', label: 'Sent by us' },
                { value: 'inbound', label: 'Received' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('direction')}
            />
            {when('occurredAt', 'When', { placeholder: 'Just now', clearable: true, maxDate: new Date() })}
            <TextInput label="From" placeholder="sender@example.com" {...form.getInputProps('fromAddress')} />
            <TagsInput
              label="To"
              placeholder="Type an address, press Enter"
              value={v.toAddresses}
              onChange={(list) => form.setFieldValue('toAddresses', list)}
              error={errorOf('toAddresses')}
              splitChars={[',', ' ', ';']}
            />
          </SimpleGrid>
        )}

        <Textarea
          label={v.type === 'email' ? 'Body' : 'Notes'}
          placeholder={v.type === 'call' ? 'What was said, next steps…' : v.type === 'email' ? 'Paste the email' : 'Context for whoever picks this up'}
          autosize
          minRows={2}
          maxRows={10}
          {...form.getInputProps('body')}
        />

        <Group justify="space-between">
          <Text fz="xs" c="dimmed">
            {v.type === 'task' ? 'Shows in the assignee’s My work until it is done.' : v.type === 'meeting' ? 'Shows in every attending member’s My work.' : ' '}
          </Text>
          <Group gap="xs">
            {onCancel && (
              <Button variant="default" size="sm" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" size="sm" loading={save.isPending}>
              {editing ? 'Save' : SUBMIT_LABELS[v.type]}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
