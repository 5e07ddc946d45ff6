// One activity in a list: a checkbox for a task (done in one click, with undo), an icon for the
// rest, what it is, when, who, and the records it is attached to.
import { ActionIcon, Badge, Checkbox, Group, Menu, Modal, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconChecklist, IconDots, IconMail, IconPencil, IconPhone, IconTargetArrow, IconTrash, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { setTaskDone, useRefreshActivities, type Activity, type ActivityType } from '../../queries/activities.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { AnchorLink } from '../links.tsx';
import { showUndo } from '../undo.tsx';
import { ActivityComposer } from './ActivityComposer.tsx';
import { OUTCOME_LABELS, TYPE_COLORS, TYPE_LABELS, activityHeadline, formatDuration, formatWhen, isOverdue } from './activity-labels.ts';

const ICONS: Record<ActivityType, typeof IconPhone> = { task: IconChecklist, call: IconPhone, meeting: IconCalendarEvent, email: IconMail };

export function ActivityItem({ activity: a, canWrite, showRecord = false }: { activity: Activity; canWrite: boolean; showRecord?: boolean }) {
  const refresh = useRefreshActivities();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const Icon = ICONS[a.type];

  const toggle = async (done: boolean) => {
    setPending(true);
    try {
      await setTaskDone(a.id, done);
      await refresh();
      if (done) {
        showUndo({
          title: 'Task done',
          message: activityHeadline(a),
          onUndo: async () => {
            try {
              await setTaskDone(a.id, false);
              await refresh();
            } catch (e) {
              notifyError(e, 'Could not reopen the task');
            }
          },
        });
      }
    } catch (e) {
      notifyError(e, 'Could not update the task');
    } finally {
      setPending(false);
    }
  };

  const remove = async () => {
    try {
      await unwrap(api.DELETE('/api/v1/activities/{id}', { params: { path: { id: a.id } } }));
      await refresh();
      showUndo({
        title: `${TYPE_LABELS[a.type]} deleted`,
        message: activityHeadline(a),
        onUndo: async () => {
          try {
            await unwrap(api.POST('/api/v1/activities/{id}/restore', { params: { path: { id: a.id } } }));
            await refresh();
          } catch (e) {
            notifyError(e, 'Could not restore');
          }
        },
      });
    } catch (e) {
      notifyError(e, 'Could not delete');
    }
  };

  const overdue = isOverdue(a);
  const when = a.type === 'task' ? (a.done ? `Done ${formatWhen(a.doneAt)}` : formatWhen(a.dueAt)) : formatWhen(a.occurredAt);
  const details = [
    a.type === 'call' && a.outcome ? OUTCOME_LABELS[a.outcome] : null,
    a.type === 'call' ? formatDuration(a.durationSeconds) : null,
    a.type === 'meeting' && a.location ? a.location : null,
    a.type === 'meeting' && a.attendees.length ? a.attendees.map((p) => p.name).join(', ') : null,
    a.type === 'email' && a.toAddresses.length ? `To ${a.toAddresses.join(', ')}` : null,
    a.assignee ? a.assignee.name : null,
  ].filter(Boolean);

  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" py={6} data-testid="activity-item" data-activity-id={a.id}>
      {a.type === 'task' ? (
        <Checkbox
          mt={2}
          radius="xl"
          size="md"
          checked={a.done}
          disabled={!canWrite || pending}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          aria-label={a.done ? `Reopen “${activityHeadline(a)}”` : `Mark “${activityHeadline(a)}” done`}
        />
      ) : (
        <ThemeIcon variant="light" color={TYPE_COLORS[a.type]} radius="xl" size={26}>
          <Icon size={15} stroke={1.8} />
        </ThemeIcon>
      )}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={8} wrap="nowrap" justify="space-between">
          <Text fz="sm" fw={600} td={a.done ? 'line-through' : undefined} c={a.done ? 'dimmed' : undefined} truncate>
            {activityHeadline(a)}
          </Text>
          <Group gap={6} wrap="nowrap">
            {overdue ? (
              <Badge color="red" variant="light" size="sm">
                Overdue · {formatWhen(a.dueAt)}
              </Badge>
            ) : (
              <Tooltip label={formatDateTime(a.type === 'task' ? (a.done ? a.doneAt : a.dueAt) : a.occurredAt)} disabled={a.type === 'task' && !a.dueAt && !a.done}>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {when}
                </Text>
              </Tooltip>
            )}
            {a.type === 'task' && a.priority === 'high' && !a.done && (
              <Badge color="orange" variant="outline" size="sm">
                High
              </Badge>
            )}
            {canWrite && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Activity actions">
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                    Edit
                  </Menu.Item>
                  <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => void remove()}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        {(details.length > 0 || a.type !== 'task') && (
          <Text fz="xs" c="dimmed" truncate>
            {[TYPE_LABELS[a.type], ...details].join(' · ')}
          </Text>
        )}
        {showRecord && <RecordLinks activity={a} />}
        {a.body && (
          <Text fz="sm" c="gray.7" lineClamp={3} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {a.body}
          </Text>
        )}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${TYPE_LABELS[a.type].toLowerCase()}`} size="lg">
        <ActivityComposer target={{}} editing={a} contactName={a.contact?.name} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Modal>
    </Group>
  );
}

function RecordLinks({ activity: a }: { activity: Activity }) {
  return (
    <Group gap="md">
      {a.contact && (
        <Group gap={4}>
          <IconUser size={13} color="var(--mantine-color-dimmed)" />
          <AnchorLink to="/contacts/$contactId" params={{ contactId: a.contact.id }} fz="xs">
            {a.contact.name}
          </AnchorLink>
        </Group>
      )}
      {a.account && (
        <Group gap={4}>
          <IconBuilding size={13} color="var(--mantine-color-dimmed)" />
          <AnchorLink to="/accounts/$accountId" params={{ accountId: a.account.id }} fz="xs">
            {a.account.name}
          </AnchorLink>
        </Group>
      )}
      {a.deal && (
        <Group gap={4}>
          <IconTargetArrow size={13} color="var(--mantine-color-dimmed)" />
          <AnchorLink to="/deals/$dealId" params={{ dealId: a.deal.id }} fz="xs">
            {a.deal.name}
          </AnchorLink>
        </Group>
      )}
    </Group>
  );
}
