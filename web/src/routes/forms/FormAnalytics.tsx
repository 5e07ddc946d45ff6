// Views and submissions of a form per day (UTC), with the totals and conversion rate of the range.
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormAnalytics } from '../../queries/forms.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatRate } from './format-rate.ts';

const RANGES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

function Stat({ label, value }: { label: string; value: string | undefined }) {
  return (
    <Card p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {value === undefined ? <Skeleton height={28} mt={6} width={80} /> : <Text fz={26} fw={700} data-testid={`stat-${label.toLowerCase()}`}>{value}</Text>}
    </Card>
  );
}

export function FormAnalytics({ formId }: { formId: string }) {
  const [days, setDays] = useState('30');
  const to = dayjs().format('YYYY-MM-DD');
  const from = dayjs().subtract(Number(days) - 1, 'day').format('YYYY-MM-DD');
  const analytics = useFormAnalytics(formId, from, to);
  const a = analytics.data;

  if (analytics.error) return <QueryError error={analytics.error} title="Could not load analytics" />;
  const empty = a && a.views === 0 && a.submissions === 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          {a ? `${dayjs(a.from).format('MMM D')} – ${dayjs(a.to).format('MMM D, YYYY')} (UTC)` : ' '}
        </Text>
        <SegmentedControl size="xs" data={RANGES} value={days} onChange={setDays} aria-label="Date range" />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label="Views" value={a && formatNumber(a.views)} />
        <Stat label="Submissions" value={a && formatNumber(a.submissions)} />
        <Stat label="Conversion" value={a && formatRate(a.conversionRate)} />
      </SimpleGrid>
      <Card p="lg">
        <Text fw={650} mb="md">
          Per day
        </Text>
        {!a ? (
          <Skeleton height={240} />
        ) : empty ? (
          <Text c="dimmed" fz="sm" ta="center" py={80}>
            No views or submissions in this period yet. Share the form's link or embed it to start collecting.
          </Text>
        ) : (
          <BarChart
            h={260}
            data={a.days.map((d) => ({ day: dayjs(d.date).format('MMM D'), Views: d.views, Submissions: d.submissions }))}
            dataKey="day"
            series={[
              { name: 'Views', color: 'brand.2' },
              { name: 'Submissions', color: 'brand.6' },
            ]}
            tickLine="none"
            gridAxis="y"
            withLegend
            barProps={{ radius: [3, 3, 0, 0] }}
            valueFormatter={(v) => formatNumber(v)}
            aria-label="Views and submissions per day"
          />
        )}
      </Card>
    </Stack>
  );
}
