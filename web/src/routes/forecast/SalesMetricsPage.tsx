// Sales metrics over a range: win rate, deal size, cycle length, velocity and new pipeline, as figures
// for the whole range and as charts per month or quarter. Range and filters live in the URL.
import { Grid, Group, Paper, SegmentedControl, Skeleton, Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconBolt, IconClockHour4, IconPercentage, IconReceipt2, IconTrendingUp } from '@tabler/icons-react';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatNumber, plural } from '../../lib/format.ts';
import { formatCompactAmount } from '../../lib/money.ts';
import { presetRange, RANGE_PRESETS, type RangePreset } from './periods.ts';
import type { SalesMetricsSearch } from './forecast-search.ts';
import { useSalesMetrics } from './forecast.queries.ts';
import { ForecastTabs } from './ForecastTabs.tsx';
import { ScopeFilters } from './ScopeFilters.tsx';
import { StatCard } from './StatCard.tsx';
import { MetricCharts } from './MetricCharts.tsx';

const route = getRouteApi('/app/forecast/metrics');

export function SalesMetricsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/forecast/metrics' });
  const setSearch = (patch: Partial<SalesMetricsSearch>) => void navigate({ search: (prev: SalesMetricsSearch) => ({ ...prev, ...patch }), replace: true });
  const preset = search.range ?? '12m';
  const interval = search.interval ?? 'month';
  const scope = { pipelineId: search.pipelineId, ownerId: search.ownerId };
  const { data: metrics, isPending, error } = useSalesMetrics({ ...presetRange(preset), interval, ...scope });
  const s = metrics?.summary;
  const loading = isPending || !s;
  const span = { base: 12, xs: 6, lg: 'auto' as const };

  return (
    <>
      <PageHeader title="Sales metrics" description="How fast and how well deals turn into revenue, period by period." />
      <ForecastTabs active="metrics" scope={scope} />
      <Paper p="sm" mb="lg">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <SegmentedControl
              value={preset}
              onChange={(v) => setSearch({ range: v === '12m' ? undefined : (v as RangePreset) })}
              data={Object.entries(RANGE_PRESETS).map(([value, label]) => ({ value, label }))}
            />
            <SegmentedControl
              value={interval}
              onChange={(v) => setSearch({ interval: v === 'quarter' ? 'quarter' : undefined })}
              data={[
                { value: 'month', label: 'Monthly' },
                { value: 'quarter', label: 'Quarterly' },
              ]}
            />
          </Group>
          <Group gap="sm">
            <ScopeFilters value={scope} onChange={setSearch} />
          </Group>
        </Group>
      </Paper>

      {error ? (
        <QueryError error={error} title="Could not load the sales metrics" />
      ) : (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={span}>
              <StatCard
                testId="win-rate"
                label="Win rate"
                loading={loading}
                value={s && (s.winRate === null ? '—' : `${Math.round(s.winRate * 100)}%`)}
                detail={s && `${formatNumber(s.won.count)} won · ${formatNumber(s.lost.count)} lost`}
                icon={<IconPercentage size={20} />}
                color="teal"
              />
            </Grid.Col>
            <Grid.Col span={span}>
              <StatCard
                testId="average-deal"
                label="Average deal"
                loading={loading}
                value={s && (s.averageDealSize === null ? '—' : formatCompactAmount(s.averageDealSize))}
                detail={s && `${formatCompactAmount(s.won.amount)} won in total`}
                icon={<IconReceipt2 size={20} />}
                color="brand"
              />
            </Grid.Col>
            <Grid.Col span={span}>
              <StatCard
                testId="sales-cycle"
                label="Sales cycle"
                loading={loading}
                value={s && (s.medianCycleDays === null ? '—' : plural(Math.round(s.medianCycleDays), 'day'))}
                detail={s && (s.meanCycleDays === null ? 'median, created → won' : `median · mean ${plural(Math.round(s.meanCycleDays), 'day')}`)}
                icon={<IconClockHour4 size={20} />}
                color="grape"
              />
            </Grid.Col>
            <Grid.Col span={span}>
              <StatCard
                testId="velocity"
                label="Pipeline velocity"
                loading={loading}
                value={s && (s.velocity === null ? '—' : `${formatCompactAmount(s.velocity)}/day`)}
                detail={s && `${plural(s.openDeals.count, 'open deal')} · ${formatCompactAmount(s.openDeals.amount)}`}
                icon={<IconBolt size={20} />}
                color="indigo"
              />
            </Grid.Col>
            <Grid.Col span={span}>
              <StatCard
                testId="new-pipeline"
                label="New pipeline"
                loading={loading}
                value={s && formatCompactAmount(s.newPipeline.amount)}
                detail={s && `${plural(s.newPipeline.count, 'deal')} created`}
                icon={<IconTrendingUp size={20} />}
                color="cyan"
              />
            </Grid.Col>
          </Grid>
          {metrics ? <MetricCharts metrics={metrics} /> : <Skeleton height={520} radius="md" />}
        </Stack>
      )}
    </>
  );
}
