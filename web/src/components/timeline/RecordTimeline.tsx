// The timeline card of a contact or account page: the note composer, filter chips by kind, then one
// chronological feed (newest first, grouped by day) read page by page from the timeline endpoint as
// the reader scrolls. Marketing (visits, touches, forms, events) and sales (notes, activities) meet here.
import { Button, Card, Chip, EmptyState, Group, Loader, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconTimeline } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { AnchorLink } from '../links.tsx';
import { QueryError } from '../QueryError.tsx';
import { NoteComposer } from './TimelineNotes.tsx';
import { RowBullet, TimelineRow, type RowContext } from './TimelineRows.tsx';
import { KIND_FILTERS, foldTouches, groupByDay, kindsToFetch, type KindFilter } from './timeline-model.ts';
import { useContactNames, useRefreshTimeline, useTimeline, type TimelineTarget } from './timeline-queries.ts';

export function RecordTimeline({ target, canWrite }: { target: TimelineTarget; canWrite: boolean }) {
  const [selected, setSelected] = useState<KindFilter[]>([]);
  const { kinds, looseTouches } = kindsToFetch(selected);
  const timeline = useTimeline(target, kinds);
  const refresh = useRefreshTimeline(target);

  const items = useMemo(() => timeline.data?.pages.flatMap((p) => p.data) ?? [], [timeline.data]);
  const feed = useMemo(() => foldTouches(items, looseTouches), [items, looseTouches]);
  const groups = groupByDay(feed, (e) => e.item.occurredAt);

  // an account's timeline covers all its contacts: say whose each item is
  const onAccount = 'accountId' in target;
  const names = useContactNames(onAccount ? items.map((i) => i.contactId).filter((id): id is string => id !== null) : []);
  const ctx: RowContext = {
    canWrite,
    onChanged: refresh,
    contactName: onAccount
      ? (id) =>
          id ? (
            <AnchorLink to="/contacts/$contactId" params={{ contactId: id }} fz="xs">
              {names.get(id) ?? 'Contact'}
            </AnchorLink>
          ) : null
      : undefined,
  };

  // load the next page when the end of the feed scrolls into view
  const { ref: endRef, entry: end } = useIntersection({ rootMargin: '200px' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  useEffect(() => {
    if (end?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [end?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Card p="lg" data-testid="record-timeline">
      <Group justify="space-between" mb="md">
        <Text fw={650}>Timeline</Text>
        {timeline.isFetching && !timeline.isPending && !isFetchingNextPage && <Loader size="xs" type="dots" />}
      </Group>
      <Stack gap="lg">
        {canWrite && <NoteComposer target={target} onAdded={refresh} />}

        <Group gap={6} role="group" aria-label="Show on the timeline">
          <Chip size="xs" checked={selected.length === 0} onChange={() => setSelected([])} variant="light">
            All
          </Chip>
          <Chip.Group multiple value={selected} onChange={(v) => setSelected(v as KindFilter[])}>
            {KIND_FILTERS.map((f) => (
              <Chip key={f.value} value={f.value} size="xs" variant="light">
                {f.label}
              </Chip>
            ))}
          </Chip.Group>
        </Group>

        {timeline.error ? (
          <QueryError error={timeline.error} title="Could not load the timeline" />
        ) : timeline.isPending ? (
          <Stack gap="md">
            {[0, 1, 2].map((i) => (
              <Group key={i} align="flex-start" wrap="nowrap">
                <Skeleton circle height={28} />
                <Stack gap={6} style={{ flex: 1 }}>
                  <Skeleton height={10} width="35%" />
                  <Skeleton height={10} width="85%" />
                </Stack>
              </Group>
            ))}
          </Stack>
        ) : feed.length === 0 && !hasNextPage ? (
          <EmptyState
            size="sm"
            py="lg"
            icon={<IconTimeline size={22} stroke={1.5} />}
            withIndicatorBackground
            title={selected.length ? 'Nothing of these kinds yet' : 'Nothing on the timeline yet'}
            description="Website visits, campaign touches, form submissions, notes and activities appear here, newest first."
            data-testid="timeline-empty"
          />
        ) : (
          <Stack gap="md" data-testid="timeline">
            {groups.map((g) => (
              <Stack key={g.key} gap="xs">
                <Text fz="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4}>
                  {g.label}
                </Text>
                <Timeline bulletSize={28} lineWidth={2}>
                  {g.entries.map((e) => (
                    <Timeline.Item key={`${e.item.kind}:${e.item.id}`} bullet={<RowBullet entry={e} />}>
                      <TimelineRow entry={e} ctx={ctx} />
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            ))}
            <div ref={endRef} />
            {hasNextPage && (
              <Button variant="default" size="xs" w="fit-content" mx="auto" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                Load older items
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
