// My work: the signed-in member's overdue tasks, today's tasks and meetings, and what is coming up.
// Tasks are done with one click (and undone from the notification). Admins can look at any
// member's work, e.g. to hand over a departed rep's overdue tasks.
import { Badge, Card, EmptyState, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconCalendarWeek, IconCircleCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ActivityItem } from '../../components/activities/ActivityItem.tsx';
import { useMyWork, type Activity } from '../../queries/activities.ts';
import { useUsers } from '../../queries/users.ts';
import { usePermissions, useSession } from '../../session/session.ts';
import { plural } from '../../lib/format.ts';

export function MyWorkPage() {
  const session = useSession();
  const { canWrite, isAdmin } = usePermissions();
  const { users } = useUsers();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const work = useMyWork(assigneeId);
  const someoneElse = assigneeId && assigneeId !== session.user?.id ? users.find((u) => u.id === assigneeId) : undefined;
  const counts = work.data?.counts;

  return (
    <Stack gap="lg">
      <PageHeader
        title={someoneElse ? `${someoneElse.name}’s work` : 'My work'}
        description={
          counts
            ? `${plural(counts.overdue, 'overdue task')} · ${plural(counts.today, 'item')} today · ${plural(counts.upcoming, 'item')} coming up`
            : 'Your tasks and meetings: what is late, what is today, what is next.'
        }
        actions={
          isAdmin && (
            <Select
              aria-label="Whose work"
              w={240}
              data={users.map((u) => ({ value: u.id, label: u.id === session.user?.id ? `${u.name} (me)` : u.status === 'active' ? u.name : `${u.name} (deactivated)` }))}
              value={assigneeId ?? session.user?.id ?? null}
              onChange={(id) => setAssigneeId(id === session.user?.id ? null : id)}
              searchable
              allowDeselect={false}
            />
          )
        }
      />
      {work.error ? (
        <QueryError error={work.error} title="Could not load the work list" />
      ) : (
        <Stack gap="lg">
          {counts && counts.overdue + counts.today + counts.upcoming === 0 ? (
            <Card p="xl">
              <EmptyState
                icon={<IconCircleCheck size={26} stroke={1.5} />}
                withIndicatorBackground
                title={someoneElse ? 'Nothing on their plate' : 'You’re all caught up'}
                description="Tasks assigned here and meetings you attend show up on this page. Add tasks from a contact, account or deal."
                data-testid="my-work-empty"
              />
            </Card>
          ) : (
            <>
              <Bucket
                id="overdue"
                title="Overdue"
                icon={<IconAlertTriangle size={18} color="var(--mantine-color-red-6)" />}
                color="red"
                items={work.data?.overdue}
                total={counts?.overdue}
                empty="Nothing overdue. Nice."
                canWrite={canWrite}
              />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <Bucket
                  id="today"
                  title="Today"
                  icon={<IconCalendarDue size={18} color="var(--mantine-color-brand-6)" />}
                  color="brand"
                  items={work.data?.today}
                  total={counts?.today}
                  empty="Nothing else due today."
                  canWrite={canWrite}
                />
                <Bucket
                  id="upcoming"
                  title="Upcoming"
                  icon={<IconCalendarWeek size={18} color="var(--mantine-color-gray-6)" />}
                  color="gray"
                  items={work.data?.upcoming}
                  total={counts?.upcoming}
                  empty="Nothing scheduled yet."
                  canWrite={canWrite}
                />
              </SimpleGrid>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function Bucket(props: {
  id: string;
  title: string;
  icon: ReactNode;
  color: string;
  items: Activity[] | undefined;
  total: number | undefined;
  empty: string;
  canWrite: boolean;
}) {
  const { items, total } = props;
  return (
    <Card p="lg" data-testid={`my-work-${props.id}`}>
      <Group justify="space-between" mb="sm">
        <Group gap={8}>
          {props.icon}
          <Text fw={650}>{props.title}</Text>
          {total !== undefined && total > 0 && (
            <Badge color={props.color} variant="light" size="sm">
              {total}
            </Badge>
          )}
        </Group>
        {items && total !== undefined && total > items.length && (
          <Text fz="xs" c="dimmed">
            Showing the first {items.length}
          </Text>
        )}
      </Group>
      {!items ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={34} />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Text fz="sm" c="dimmed" py="xs">
          {props.empty}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.map((a) => (
            <ActivityItem key={a.id} activity={a} canWrite={props.canWrite} showRecord />
          ))}
        </Stack>
      )}
    </Card>
  );
}
