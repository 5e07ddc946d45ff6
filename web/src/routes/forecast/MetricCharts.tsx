// The sales metrics per month or quarter, one chart each.
import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Card, Center, Grid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCompactAmount } from '../../lib/money.ts';
import { formatNumber } from '../../lib/format.ts';
import type { SalesMetrics } from './forecast.queries.ts';
import { axisLabels, shortPeriodLabel } from './periods.ts';

const H = 220;

function ChartCard({ title, description, empty, children }: { title: string; description: string; empty: boolean; children: ReactNode }) {
  return (
    <Card p="lg" h="100%">
      <Stack gap={0} mb="md">
        <Text fw={650}>{title}</Text>
        <Text fz="xs" c="dimmed">
          {description}
        </Text>
      </Stack>
      {empty ? (
        <Center h={H}>
          <Text fz="sm" c="dimmed">
            No data in this range.
          </Text>
        </Center>
      ) : (
        children
      )}
    </Card>
  );
}

// horizontal grid lines only; every period on the axis up to 13 of them (the year only where it
// changes), every other one beyond; tooltips name the period in full
const axes = (keys: string[]) => {
  const labels = axisLabels(keys);
  const short = new Map(keys.map((k, i) => [shortPeriodLabel(k), labels[i]]));
  return {
    h: H,
    dataKey: 'period',
    tickLine: 'none' as const,
    gridAxis: 'x' as const,
    xAxisProps: { interval: keys.length > 13 ? 1 : 0, fontSize: 11, tickFormatter: (label: string) => short.get(label) ?? label },
  };
};
const money = (v: number) => formatCompactAmount(v);

export function MetricCharts({ metrics }: { metrics: SalesMetrics }) {
  const data = metrics.series.map((s) => ({
    period: shortPeriodLabel(s.period),
    'Win rate': s.winRate === null ? null : Math.round(s.winRate * 1000) / 10,
    'Average deal': s.averageDealSize,
    Median: s.medianCycleDays,
    Mean: s.meanCycleDays,
    Velocity: s.velocity,
    'New pipeline': s.newPipeline.amount,
    Won: s.won.count,
    Lost: s.lost.count,
  }));
  type Key = keyof (typeof data)[number];
  // a rate or duration of 0 is a value (deals won the day they were created); a count of 0 is not
  const none = (key: Key) => data.every((d) => d[key] === null);
  const zero = (key: Key) => data.every((d) => !d[key]);
  const common = axes(metrics.series.map((s) => s.period));
  const col = { base: 12, md: 6 };

  return (
    <Grid gap="lg">
      <Grid.Col span={col}>
        <ChartCard title="Win rate" description="Won ÷ (won + lost) among deals closed in each period." empty={none('Win rate')}>
          <LineChart {...common} data={data} series={[{ name: 'Win rate', color: 'teal.6' }]} unit="%" yAxisProps={{ domain: [0, 100] }} connectNulls={false} aria-label="Win rate per period" />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={col}>
        <ChartCard title="Deals closed" description="Won and lost deals per period." empty={zero('Won') && zero('Lost')}>
          <BarChart
            {...common}
            data={data}
            type="stacked"
            series={[
              { name: 'Won', color: 'teal.6' },
              { name: 'Lost', color: 'red.4' },
            ]}
            valueFormatter={(v) => formatNumber(v)}
            barProps={{ radius: 2 }}
            aria-label="Deals won and lost per period"
          />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={col}>
        <ChartCard title="Average deal size" description="Amount won ÷ deals won." empty={none('Average deal')}>
          <BarChart {...common} data={data} series={[{ name: 'Average deal', color: 'brand.5' }]} valueFormatter={money} barProps={{ radius: [4, 4, 0, 0] }} aria-label="Average deal size per period" />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={col}>
        <ChartCard title="Sales cycle" description="Days from creation to won: median and mean." empty={none('Median')}>
          <LineChart
            {...common}
            data={data}
            series={[
              { name: 'Median', color: 'grape.6' },
              { name: 'Mean', color: 'grape.3', strokeDasharray: '5 5' },
            ]}
            valueFormatter={(v) => `${formatNumber(Math.round(v))} d`}
            connectNulls={false}
            withLegend
            aria-label="Sales cycle length per period"
          />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={col}>
        <ChartCard title="Pipeline velocity" description="Open deals × win rate × average deal ÷ cycle days: revenue per day." empty={none('Velocity')}>
          <AreaChart {...common} data={data} series={[{ name: 'Velocity', color: 'indigo.6' }]} valueFormatter={(v) => `${money(v)}/day`} connectNulls={false} aria-label="Pipeline velocity per period" />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={col}>
        <ChartCard title="New pipeline" description="Amount of the deals created in each period." empty={zero('New pipeline')}>
          <BarChart {...common} data={data} series={[{ name: 'New pipeline', color: 'cyan.6' }]} valueFormatter={money} barProps={{ radius: [4, 4, 0, 0] }} aria-label="New pipeline per period" />
        </ChartCard>
      </Grid.Col>
    </Grid>
  );
}
