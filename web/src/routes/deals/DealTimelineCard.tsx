// The deal's one timeline: creation, stage moves and notes (and activities, when that module adds
// them), newest first, with a note composer on top and a filter by kind.
import { Avatar, Button, Card, Chip, EmptyState, Group, Skeleton, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowRight, IconChecklist, IconFlag, IconHistory, IconNote, IconPoint } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { DealTimelineItem } from '../../queries/deals.ts';
import { formatDateTime, fromNow, initials } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';

const KINDS = [
  { value: 'stage_change', label: 'Stage changes' },
  { value: 'note', label: 'Notes' },
  { value: 'activity', label: 'Activities' },
  { value: 'deal_created', label: 'Created' },
];

const ICONS: Record<string, ReactNode> = {
  stage_change: <IconArrowRight size={12} />,
  deal_created: <IconFlag size={12} />,
  note: <IconNote size={12} />,
  activity: <IconChecklist size={12} />,
};

function Body({ item }: { item: DealTimelineItem }) {
  if (item.kind === 'note') {
    return (
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {String(item.data.body ?? '')}
      </Text>
    );
  }
  return null;
}

export function DealTimelineCard({ dealId, canWrite }: { dealId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const key = ['deals', 'one', dealId, 'timeline', kinds];
  const timeline = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/deals/{id}/timeline', {
          params: {
            path: { id: dealId },
            query: { limit: 30, cursor: pageParam, filter: kinds.length ? { kind: kinds.join(',') } : undefined },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const add = useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/api/v1/notes', { body: { dealId, body } })),
    onSuccess: () => {
      setDraft('');
      void queryClient.invalidateQueries({ queryKey: ['deals', 'one', dealId, 'timeline'] });
    },
    onError: (e) => notifyError(e, 'Could not add the note'),
  });
  const items = timeline.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card p="lg">
      <Group justify="space-between" mb="md">
        <Text fw={650}>Timeline</Text>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap={6}>
            {KINDS.map((k) => (
              <Chip key={k.value} value={k.value} size="xs" variant="light">
                {k.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <Stack gap="lg">
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim()) add.mutate(draft.trim());
            }}
          >
            <Stack gap="xs">
              <Textarea
                aria-label="New note on this deal"
                placeholder="Add a note: next steps, what the buyer said, risks…"
                autosize
                minRows={2}
                maxRows={8}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && draft.trim()) add.mutate(draft.trim());
                }}
              />
              <Group justify="flex-end">
                <Button type="submit" size="xs" disabled={!draft.trim()} loading={add.isPending}>
                  Add note
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {timeline.isPending ? (
          <Stack gap="sm">
            <Skeleton height={14} width="60%" />
            <Skeleton height={14} width="80%" />
            <Skeleton height={14} width="50%" />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            size="sm"
            py="md"
            icon={<IconHistory size={20} />}
            title="Nothing here yet"
            description={kinds.length ? 'Nothing of these kinds.' : undefined}
          />
        ) : (
          <Timeline bulletSize={22} lineWidth={2} data-testid="deal-timeline">
            {items.map((item) => (
              <Timeline.Item
                key={`${item.kind}:${item.id}`}
                bullet={ICONS[item.kind] ?? <IconPoint size={12} />}
                title={
                  <Group gap={8} wrap="nowrap">
                    <Text fz="sm" fw={600}>
                      {item.title}
                    </Text>
                    {item.actor && (
                      <Group gap={4} wrap="nowrap">
                        <Avatar size={18} radius="xl" color="brand" variant="light">
                          <Text fz={8}>{initials(item.actor.name)}</Text>
                        </Avatar>
                        <Text fz="xs" c="dimmed">
                          {item.actor.name}
                        </Text>
                      </Group>
                    )}
                  </Group>
                }
              >
                <Body item={item} />
                <Text fz="xs" c="dimmed" title={formatDateTime(item.occurredAt)}>
                  {fromNow(item.occurredAt)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {timeline.hasNextPage && (
          <Button variant="subtle" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            Show older
          </Button>
        )}
      </Stack>
    </Card>
  );
}
