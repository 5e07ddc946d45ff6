// The forecast of a month or quarter: what closed, what the team commits to, what might come, the
// open pipeline weighted two ways, and every rep against quota. Period and filters live in the URL.
import { Button, Card, Grid, Group, Paper, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconCalendarDollar, IconChecklist, IconSparkles, IconTarget, IconTrophy, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { usePermissions } from '../../session/session.ts';
import { plural } from '../../lib/format.ts';
import { formatCompactAmount } from '../../lib/money.ts';
import { currentPeriod, periodLabel } from './periods.ts';
import type { ForecastSearch } from './forecast-search.ts';
import { useForecast } from './forecast.queries.ts';
import { ForecastTabs } from './ForecastTabs.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ScopeFilters } from './ScopeFilters.tsx';
import { StatCard } from './StatCard.tsx';
import { TeamAttainmentCard } from './TeamAttainmentCard.tsx';
import { WeightedPipelineCard } from './WeightedPipelineCard.tsx';
import { AttainmentTable } from './AttainmentTable.tsx';
import { QuotaDrawer } from './QuotaDrawer.tsx';

const route = getRouteApi('/app/forecast');

export function ForecastPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/forecast' });
  const { isAdmin } = usePermissions();
  const [editingQuotas, setEditingQuotas] = useState(false);
  const period = search.period ?? currentPeriod('quarter');
  const scope = { pipelineId: search.pipelineId, ownerId: search.ownerId };
  const setSearch = (patch: Partial<ForecastSearch>) => void navigate({ search: (prev: ForecastSearch) => ({ ...prev, ...patch }), replace: true });
  const { data: forecast, isPending, error } = useForecast(period, scope);
  const team = forecast?.team;
  const loading = isPending || !team;
  const empty = !!forecast && forecast.reps.length === 0;
  const quotaShare = (n: number) => (team?.quota ? ` · ${Math.round((n / team.quota) * 100)}% of quota` : '');

  return (
    <>
      <PageHeader
        title="Forecast"
        description="What has closed, what the team commits to, and how every rep stands against quota."
        actions={
          isAdmin && (
            <Button variant="default" leftSection={<IconTarget size={16} />} onClick={() => setEditingQuotas(true)}>
              Set quotas
            </Button>
          )
        }
      />
      <ForecastTabs active="forecast" scope={scope} />
      <Paper p="sm" mb="lg">
        <Group justify="space-between" gap="sm">
          <PeriodPicker value={period} onChange={(p) => setSearch({ period: p })} />
          <Group gap="sm">
            <ScopeFilters value={scope} onChange={setSearch} />
          </Group>
        </Group>
      </Paper>

      {error ? (
        <QueryError error={error} title="Could not load the forecast" />
      ) : (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
              <StatCard
                testId="closed-won"
                label="Closed won"
                loading={loading}
                value={team && formatCompactAmount(team.closedWon.amount)}
                detail={team && `${plural(team.closedWon.count, 'deal')}${quotaShare(team.closedWon.amount)}`}
                icon={<IconTrophy size={20} />}
                color="teal"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
              <StatCard
                testId="commit"
                label="Commit"
                loading={loading}
                value={team && formatCompactAmount(team.commit.amount)}
                detail={team && `${plural(team.commit.count, 'deal')} · ${formatCompactAmount(team.commitForecast)} with closed won`}
                icon={<IconChecklist size={20} />}
                color="brand"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
              <StatCard
                testId="best-case"
                label="Best case"
                loading={loading}
                value={team && formatCompactAmount(team.bestCase.amount)}
                detail={team && `${plural(team.bestCase.count, 'deal')} · ${formatCompactAmount(team.bestCaseForecast)} if all land`}
                icon={<IconSparkles size={20} />}
                color="grape"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
              <StatCard
                testId="pipeline"
                label="Pipeline"
                loading={loading}
                value={team && formatCompactAmount(team.pipeline.amount)}
                detail={
                  team &&
                  `${plural(team.pipeline.count, 'deal')}${team.omitted.count ? ` · ${formatCompactAmount(team.omitted.amount)} omitted` : ''}`
                }
                icon={<IconTimeline size={20} />}
                color="gray"
              />
            </Grid.Col>
          </Grid>

          {empty && (
            <Card p="xl">
              <Group gap="lg" wrap="nowrap" align="flex-start">
                <ThemeIcon size={48} radius="xl" variant="light" color="brand">
                  <IconCalendarDollar size={26} />
                </ThemeIcon>
                <Stack gap={6}>
                  <Text fw={650}>Nothing is forecast for {periodLabel(period)} yet</Text>
                  <Text fz="sm" c="dimmed" maw={620}>
                    Deals appear here when they are won in the period, or when they are open with an expected close date in it. Give your open
                    deals close dates and forecast categories, and set quotas to track attainment.
                  </Text>
                  <Group gap="sm" mt={4}>
                    <ButtonLink to="/deals" variant="light">
                      Open the deals board
                    </ButtonLink>
                    {isAdmin && (
                      <Button variant="subtle" onClick={() => setEditingQuotas(true)}>
                        Set quotas for {periodLabel(period)}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Group>
            </Card>
          )}

          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              {forecast ? <TeamAttainmentCard team={forecast.team} periodName={periodLabel(period)} /> : <Skeleton height={280} radius="md" />}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              {forecast ? <WeightedPipelineCard forecast={forecast} /> : <Skeleton height={280} radius="md" />}
            </Grid.Col>
          </Grid>

          {forecast ? <AttainmentTable forecast={forecast} /> : <Skeleton height={220} radius="md" />}
        </Stack>
      )}
      {isAdmin && <QuotaDrawer period={period} opened={editingQuotas} onClose={() => setEditingQuotas(false)} />}
    </>
  );
}
