// Won deals coming up for renewal in a date range (the next 90 days unless another range is picked):
// what customer success works from.
import { Alert, Button, EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/problem.ts';
import { useRenewals } from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';
import type { ListFilters } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { DealsTable } from './DealsTable.tsx';
import { formatAmount } from '../../lib/money.ts';

const PRESETS = { '30': 30, '90': 90, '365': 365 } as const;

export function RenewalsView({ filter }: { filter: ListFilters | undefined }) {
  const { byId: users } = useUsers();
  const today = dayjs().format('YYYY-MM-DD');
  const [range, setRange] = useState<[string, string]>([today, dayjs().add(90, 'day').format('YYYY-MM-DD')]);
  const [preset, setPreset] = useState<string>('90');
  const pages = useCursorPages(`${range.join()}${JSON.stringify(filter ?? {})}`);
  const renewals = useRenewals(range[0], range[1], filter, pages.cursor);
  const rows = renewals.data?.data ?? [];
  const total = rows.reduce((s, d) => s + d.amount, 0);

  return (
    <Stack gap={0}>
      <Group p="md" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group gap="sm">
          <SegmentedControl
            value={preset}
            onChange={(v) => {
              setPreset(v);
              if (v !== 'custom')
                setRange([
                  today,
                  dayjs()
                    .add(PRESETS[v as keyof typeof PRESETS], 'day')
                    .format('YYYY-MM-DD'),
                ]);
            }}
            data={[
              { value: '30', label: 'Next 30 days' },
              { value: '90', label: 'Next 90 days' },
              { value: '365', label: 'Next year' },
              { value: 'custom', label: 'Custom' },
            ]}
          />
          {preset === 'custom' && (
            <DatePickerInput
              type="range"
              aria-label="Renewal dates"
              value={range}
              onChange={([from, to]) => from && to && setRange([from, to])}
              valueFormat="MMM D, YYYY"
              w={260}
            />
          )}
        </Group>
        {rows.length > 0 && (
          <Text fz="sm" c="dimmed">
            {rows.length}
            {renewals.data?.nextCursor ? '+' : ''} renewals on this page · {formatAmount(total)} up for renewal
          </Text>
        )}
      </Group>
      {renewals.error ? (
        <Alert color="red" m="md" title="Could not load renewals">
          {errorMessage(renewals.error)}
        </Alert>
      ) : !renewals.isPending && rows.length === 0 ? (
        <EmptyState
          py={64}
          icon={<IconRefresh size={28} stroke={1.5} />}
          variant="light"
          title="No renewals in this period"
          description="Won deals with a renewal date show up here. Set the renewal date on a won deal to track it."
        />
      ) : (
        <>
          <DealsTable rows={rows} loading={renewals.isPending} sort="renewalDate" users={users} dateColumn="renewalDate" />
          {(renewals.data?.nextCursor || pages.page > 0) && (
            <Group justify="flex-end" p="sm" gap="xs">
              <Button variant="default" size="xs" disabled={pages.page === 0} onClick={pages.prev}>
                Previous
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!renewals.data?.nextCursor}
                onClick={() => renewals.data?.nextCursor && pages.next(renewals.data.nextCursor)}
              >
                Next
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
