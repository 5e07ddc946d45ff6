// The activities panel of a contact, account or deal page: the composer, then open tasks and
// upcoming meetings, then what was logged (calls, emails, past meetings, done tasks), newest first.
import { Button, Card, Collapse, Divider, EmptyState, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconActivity, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useRecordActivities, type Activity, type ActivityTarget, type ActivityType } from '../../queries/activities.ts';
import { QueryError } from '../QueryError.tsx';
import { ActivityComposer } from './ActivityComposer.tsx';
import { ActivityItem } from './ActivityItem.tsx';

export interface RecordActivitiesProps {
  /** The record the panel belongs to, e.g. `{ contactId }`, `{ accountId }` or `{ dealId }`. */
  target: ActivityTarget;
  canWrite: boolean;
  /** The contact's name, offered first as a meeting attendee. */
  contactName?: string;
  /** Which kind the composer starts on. */
  defaultType?: ActivityType;
}

/** Still to do: open tasks, and meetings that have not ended. */
function isAhead(a: Activity, now: number): boolean {
  if (a.type === 'task') return !a.done;
  if (a.type === 'meeting') return Date.parse(a.endsAt ?? a.startsAt ?? a.occurredAt) >= now;
  return false;
}

const byTime = (a: Activity) => Date.parse(a.type === 'task' ? (a.dueAt ?? '9999-12-31') : a.occurredAt);

export function RecordActivities({ target, canWrite, contactName, defaultType }: RecordActivitiesProps) {
  const activities = useRecordActivities(target);
  const [composing, setComposing] = useState(false);
  const now = Date.now();
  const items = activities.data?.data ?? [];
  const ahead = items.filter((a) => isAhead(a, now)).sort((x, y) => byTime(x) - byTime(y));
  const logged = items.filter((a) => !isAhead(a, now));

  return (
    <Card p="lg" data-testid="record-activities">
      <Group justify="space-between" mb={composing ? 'md' : 'sm'}>
        <Text fw={650}>Activities</Text>
        {canWrite && (
          <Button
            size="compact-sm"
            variant={composing ? 'subtle' : 'light'}
            color={composing ? 'gray' : undefined}
            leftSection={composing ? <IconX size={14} /> : <IconPlus size={14} />}
            onClick={() => setComposing((c) => !c)}
          >
            {composing ? 'Close' : 'Log activity'}
          </Button>
        )}
      </Group>
      {canWrite && (
        <Collapse expanded={composing}>
          <ActivityComposer target={target} contactName={contactName} defaultType={defaultType} onSaved={() => setComposing(false)} />
          <Divider my="md" />
        </Collapse>
      )}

      {activities.error ? (
        <QueryError error={activities.error} title="Could not load activities" />
      ) : activities.isPending ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Group key={i} wrap="nowrap" align="flex-start">
              <Skeleton circle height={24} />
              <Stack gap={6} style={{ flex: 1 }}>
                <Skeleton height={10} width="40%" />
                <Skeleton height={10} width="70%" />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          size="sm"
          py="md"
          icon={<IconActivity size={22} stroke={1.5} />}
          withIndicatorBackground
          title="No activities yet"
          description={canWrite ? 'Log a call, schedule a meeting, add a task or log an email.' : 'Calls, meetings, tasks and emails appear here.'}
          data-testid="activities-empty"
        />
      ) : (
        <Stack gap="md">
          {ahead.length > 0 && (
            <Stack gap={0} data-testid="activities-ahead">
              <Text fz="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                Coming up
              </Text>
              {ahead.map((a) => (
                <ActivityItem key={a.id} activity={a} canWrite={canWrite} />
              ))}
            </Stack>
          )}
          {logged.length > 0 && (
            <Stack gap={0} data-testid="activities-logged">
              <Text fz="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
                History
              </Text>
              {logged.map((a) => (
                <ActivityItem key={a.id} activity={a} canWrite={canWrite} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Card>
  );
}
