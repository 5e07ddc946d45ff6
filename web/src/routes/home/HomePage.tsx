// The dashboard: counts, the lifecycle funnel, what was added and imported recently. Everything comes
// from list counts the API already offers; nothing here is estimated.
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Badge, Card, Center, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconBuilding, IconChevronRight, IconFileImport, IconUserPlus, IconUserQuestion, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session.ts';
import { AnchorLink, UnstyledLink } from '../../components/links.tsx';
import { LifecycleBadge } from '../../components/LifecycleBadge.tsx';
import { formatNumber, fromNow, personName } from '../../lib/format.ts';
import { recentImportsQuery, STATUS_COLORS } from '../imports/RecentImports.tsx';
import { useDashboardCounts, useRecentContacts, useStageCounts } from './dashboard.queries.ts';
import { GettingStarted } from './GettingStarted.tsx';

function Stat({
  label,
  value,
  icon,
  color,
  link,
}: {
  label: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
  link: ReactNode;
}) {
  return (
    <Card p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.5 }}>
            {label}
          </Text>
          {value === undefined ? (
            <Skeleton height={30} width={80} mt={4} />
          ) : (
            <Text fz={30} fw={700} lh={1.2}>
              {formatNumber(value)}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" color={color} size={40} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz="xs" c="dimmed" mt="sm">
        {link}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const session = useSession();
  const counts = useDashboardCounts();
  const stages = useStageCounts();
  const recent = useRecentContacts();
  const imports = useQuery(recentImportsQuery);
  const c = counts.data;
  const hour = new Date().getHours();
  const greeting = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  const firstName = session.user?.name.split(' ')[0] ?? '';
  const staged = stages.data.reduce((n, s) => n + s.count, 0);

  return (
    <Stack gap="lg">
      <Stack gap={2} mb="xs">
        <Title order={2} fz={26}>
          {greeting}
          {firstName ? `, ${firstName}` : ''}
        </Title>
        <Text c="dimmed" fz="sm">
          Here is what is in {session.workspace?.name} today.
        </Text>
      </Stack>

      {c && c.contacts === 0 && c.accounts === 0 && <GettingStarted />}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
          <Stat
            label="Contacts"
            value={c?.contacts}
            icon={<IconUsers size={20} />}
            color="brand"
            link={
              <AnchorLink to="/contacts" fz="xs">
                View all contacts
              </AnchorLink>
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
          <Stat
            label="Accounts"
            value={c?.accounts}
            icon={<IconBuilding size={20} />}
            color="grape"
            link={
              <AnchorLink to="/accounts" fz="xs">
                View all accounts
              </AnchorLink>
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
          <Stat
            label="New contacts, 30 days"
            value={c?.newContacts}
            icon={<IconUserPlus size={20} />}
            color="teal"
            link={
              c ? (
                <AnchorLink to="/contacts" search={{ filter: { createdAt: { gte: c.since } }, sort: '-createdAt' }} fz="xs">
                  See who was added
                </AnchorLink>
              ) : (
                ' '
              )
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
          <Stat
            label="Contacts without owner"
            value={c?.withoutOwner}
            icon={<IconUserQuestion size={20} />}
            color="orange"
            link={
              <AnchorLink to="/contacts" search={{ filter: { ownerId: { exists: 'false' } } }} fz="xs">
                Assign owners
              </AnchorLink>
            }
          />
        </Grid.Col>
      </Grid>

      {c?.contacts !== 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card p="lg" h="100%">
              <Group justify="space-between" mb="md">
                <Stack gap={0}>
                  <Text fw={650}>Contacts by lifecycle stage</Text>
                  <Text fz="xs" c="dimmed">
                    {stages.pending
                      ? ' '
                      : `${formatNumber(staged)} with a stage${c ? `, ${formatNumber(Math.max(c.contacts - staged, 0))} without` : ''}`}
                  </Text>
                </Stack>
              </Group>
              {stages.pending ? (
                <Skeleton height={260} />
              ) : staged === 0 ? (
                <Center h={260}>
                  <Text fz="sm" c="dimmed" ta="center" maw={320}>
                    No contact has a lifecycle stage yet. Set stages on contacts, or import them with a Lifecycle stage column.
                  </Text>
                </Center>
              ) : (
                <BarChart
                  h={260}
                  data={stages.data.map((s) => ({ stage: s.label, Contacts: s.count }))}
                  dataKey="stage"
                  series={[{ name: 'Contacts', color: 'brand.5' }]}
                  tickLine="none"
                  gridAxis="y"
                  xAxisProps={{ interval: 0, fontSize: 12 }}
                  barProps={{ radius: [4, 4, 0, 0] }}
                  valueFormatter={(v) => formatNumber(v)}
                  aria-label="Contacts by lifecycle stage"
                />
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Card p="lg" h="100%">
              <Group justify="space-between" mb="sm">
                <Text fw={650}>Recently added</Text>
                <AnchorLink to="/contacts" search={{ sort: '-createdAt' }} fz="sm">
                  View all
                </AnchorLink>
              </Group>
              {recent.isPending ? (
                <Stack>
                  {[0, 1, 2, 3].map((i) => (
                    <Skeleton key={i} height={32} />
                  ))}
                </Stack>
              ) : (recent.data ?? []).length === 0 ? (
                <Text fz="sm" c="dimmed">
                  No contacts yet.
                </Text>
              ) : (
                <Stack gap={2}>
                  {recent.data!.map((ct) => (
                    <UnstyledLink
                      key={ct.id}
                      to="/contacts/$contactId"
                      params={{ contactId: ct.id }}
                      p={8}
                      style={{ borderRadius: 8 }}
                      className="hover-row"
                    >
                      <Group justify="space-between" wrap="nowrap">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text fz="sm" fw={500} truncate>
                            {personName(ct)}
                          </Text>
                          <Text fz="xs" c="dimmed" truncate>
                            {[ct.account?.name, fromNow(ct.createdAt)].filter(Boolean).join(' · ')}
                          </Text>
                        </Stack>
                        <Group gap={6} wrap="nowrap">
                          <LifecycleBadge stage={ct.lifecycleStage} />
                          <IconChevronRight size={14} color="var(--mantine-color-gray-5)" />
                        </Group>
                      </Group>
                    </UnstyledLink>
                  ))}
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}

      <Card p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={650}>Recent imports</Text>
          <AnchorLink to="/import" fz="sm">
            New import
          </AnchorLink>
        </Group>
        {imports.isPending ? (
          <Skeleton height={40} />
        ) : (imports.data ?? []).length === 0 ? (
          <Group gap="xs">
            <IconFileImport size={16} color="var(--mantine-color-dimmed)" />
            <Text fz="sm" c="dimmed">
              No imports yet. Bring in a CSV export from your current tool in a few clicks.
            </Text>
          </Group>
        ) : (
          <Stack gap={6}>
            {imports.data!.slice(0, 5).map((imp) => (
              <Group key={imp.id} justify="space-between" wrap="nowrap">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge color={STATUS_COLORS[imp.status]} variant="light" w={92}>
                    {imp.status}
                  </Badge>
                  <AnchorLink to="/import" search={{ id: imp.id }} fz="sm" truncate>
                    {imp.fileName}
                  </AnchorLink>
                </Group>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatNumber(imp.created)} created · {formatNumber(imp.updated)} updated · {formatNumber(imp.failed)} failed ·{' '}
                  {fromNow(imp.createdAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
