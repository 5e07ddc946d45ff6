import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useEffect } from 'react';
import { api, unwrap, type Import } from '../../api/client.ts';
import { ButtonLink } from '../../components/links.tsx';
import { formatNumber, plural } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';

function rowsPerSecond(imp: Import): number | null {
  if (!imp.startedAt || imp.processedRows === 0) return null;
  const end = imp.finishedAt ? Date.parse(imp.finishedAt) : Date.now();
  const seconds = Math.max((end - Date.parse(imp.startedAt)) / 1000, 0.001);
  return imp.processedRows / seconds;
}

function Counter({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper p="md" withBorder>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} data-testid={testId}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

export function RunStep({ imp, onAnother }: { imp: Import; onAnother: () => void }) {
  const queryClient = useQueryClient();
  const active = imp.status === 'queued' || imp.status === 'running';
  const done = imp.status === 'completed';
  const rate = rowsPerSecond(imp);
  const list = imp.objectType === 'contact' ? '/contacts' : imp.objectType === 'account' ? '/accounts' : '/deals';

  // when the import finishes, lists and counts elsewhere are stale
  useEffect(() => {
    if (!active) {
      void queryClient.invalidateQueries({
        queryKey: [imp.objectType === 'contact' ? 'contacts' : imp.objectType === 'account' ? 'accounts' : 'deals'],
      });
      if (imp.objectType === 'deal') void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'recent'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    }
  }, [active, imp.objectType, queryClient]);

  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/imports/{id}/cancel', { params: { path: { id: imp.id } } })),
    onSuccess: (r) => queryClient.setQueryData(['imports', 'one', imp.id], r),
    onError: (e) => notifyError(e, 'Could not cancel'),
  });

  const percent = done ? 100 : Math.round(imp.progress * 1000) / 10;
  return (
    <Paper p="lg" data-testid="import-run" data-status={imp.status}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm">
            {done ? (
              <ThemeIcon color="teal" variant="light" size={36} radius="xl">
                <IconCircleCheck size={22} />
              </ThemeIcon>
            ) : imp.status === 'failed' || imp.status === 'cancelled' ? (
              <ThemeIcon color={imp.status === 'failed' ? 'red' : 'gray'} variant="light" size={36} radius="xl">
                <IconAlertTriangle size={20} />
              </ThemeIcon>
            ) : null}
            <Stack gap={0}>
              <Text fw={650} data-testid="import-status-text">
                {done
                  ? 'Import complete'
                  : imp.status === 'failed'
                    ? 'Import failed'
                    : imp.status === 'cancelled'
                      ? 'Import cancelled'
                      : imp.status === 'queued'
                        ? 'Waiting to start…'
                        : 'Importing…'}
              </Text>
              <Text fz="sm" c="dimmed">
                {imp.fileName} · {formatNumber(imp.processedRows)}
                {imp.totalRows !== null ? ` of ${formatNumber(imp.totalRows)}` : ''} rows
                {rate ? ` · ${formatNumber(Math.round(rate))} rows/s` : ''}
              </Text>
            </Stack>
          </Group>
          {active && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconPlayerStop size={16} />}
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
            >
              Cancel import
            </Button>
          )}
        </Group>

        <Progress.Root size="xl" aria-label="Import progress">
          <Progress.Section
            value={percent}
            color={imp.status === 'failed' ? 'red' : done ? 'teal' : 'brand'}
            animated={active}
            striped={active}
          >
            <Progress.Label>{percent}%</Progress.Label>
          </Progress.Section>
        </Progress.Root>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Counter label="Created" value={imp.created} color="teal" testId="import-created" />
          {imp.objectType !== 'deal' && <Counter label="Updated" value={imp.updated} color="brand" testId="import-updated" />}
          <Counter label="Failed" value={imp.failed} color={imp.failed ? 'red' : undefined} testId="import-failed" />
        </SimpleGrid>

        {imp.error && (
          <Alert color="red" title="What went wrong">
            {imp.error}
          </Alert>
        )}
        {!active && imp.failed > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`${plural(imp.failed, 'row')} could not be imported`}>
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">The error report lists each of these rows with what was wrong. Fix them and import the report again.</Text>
              <Button
                component="a"
                href={`/api/v1/imports/${imp.id}/errors`}
                download
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconDownload size={14} />}
              >
                Download error report
              </Button>
            </Stack>
          </Alert>
        )}
        {!active && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onAnother}>
              Import another file
            </Button>
            {list === '/deals' ? (
              <ButtonLink to="/deals" search={imp.pipelineId ? { pipelineId: imp.pipelineId } : {}}>
                View deals
              </ButtonLink>
            ) : (
              <ButtonLink to={list} search={{ sort: '-updatedAt' }}>
                View {imp.objectType === 'contact' ? 'contacts' : 'accounts'}
              </ButtonLink>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
