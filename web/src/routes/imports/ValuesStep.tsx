// Deal imports, after the column mapping: the pipeline the deals go to, and what the file's stage names
// and owners that match nothing in Tandem stand for. The server reads the whole file to list them.
import { Alert, Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { api, unwrap, type Import } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { usePipelines } from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';
import { formatNumber, plural } from '../../lib/format.ts';

export interface DealChoices {
  /** unset: the default pipeline (the server's choice, shown in the select) */
  pipelineId?: string;
  /** CSV stage name → stage id */
  stages: Record<string, string>;
  /** CSV owner → user id, 'create' or 'unassigned' */
  owners: Record<string, string>;
}

const OWNER_CHOICES = [
  { value: 'create', label: 'Create as an inactive user' },
  { value: 'unassigned', label: 'Leave the deals unassigned' },
];

export function ValuesStep({
  imp,
  mapping,
  choices,
  onChange,
  onBack,
  onNext,
}: {
  imp: Import;
  mapping: Record<string, string>;
  choices: DealChoices;
  onChange: (c: DealChoices) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { pipelines } = usePipelines();
  const { users } = useUsers();
  const body = { mapping: Object.fromEntries(imp.headers.map((h) => [h, mapping[h] ?? ''])), pipelineId: choices.pipelineId };
  const values = useQuery({
    queryKey: ['imports', 'values', imp.id, body],
    queryFn: () => unwrap(api.POST('/api/v1/imports/{id}/values', { params: { path: { id: imp.id } }, body })),
    staleTime: Infinity,
  });
  const data = values.data;

  const stageOptions = (pipelineId: string) =>
    (pipelines.find((p) => p.id === pipelineId)?.stages ?? []).map((s) => ({
      value: s.id,
      label: s.type === 'open' ? s.name : `${s.name} (${s.type})`,
    }));
  const ownerOptions = [
    ...OWNER_CHOICES,
    ...users.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}${u.status === 'active' ? '' : ' (inactive)'}` })),
  ];
  const unmapped = data
    ? data.unknownStages.filter((v) => !choices.stages[v.value]).reduce((n, v) => n + v.rows, 0) +
      data.unknownOwners.filter((v) => !choices.owners[v.value]).reduce((n, v) => n + v.rows, 0)
    : 0;

  return (
    <Paper p="lg" data-testid="import-values">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text fw={650}>Match stages and owners</Text>
          <Text fz="sm" c="dimmed">
            Stage names are matched to the pipeline&apos;s stages and owners to members by email or name, ignoring case. Say what the others
            stand for; rows whose value you leave open fail and are listed in the error report.
          </Text>
        </Stack>
        <Select
          label="Pipeline"
          description={
            Object.values(mapping).includes('pipeline') ? 'For rows with no pipeline in the file' : 'Every deal goes to this pipeline'
          }
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={choices.pipelineId ?? data?.pipelineId ?? null}
          onChange={(id) => id && onChange({ ...choices, pipelineId: id, stages: {} })}
          allowDeselect={false}
          w={320}
        />

        {values.isPending ? (
          <Skeleton height={120} />
        ) : values.error ? (
          <Alert color="red" title="Could not read the file's values">
            {errorMessage(values.error)}
          </Alert>
        ) : data ? (
          <>
            {data.unknownPipelines.length > 0 && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Unknown pipelines">
                {data.unknownPipelines.map((v) => `"${v.value}" (${plural(v.rows, 'row')})`).join(', ')} name no pipeline: these rows will
                fail. Create the pipeline first, or map the Pipeline column to nothing.
              </Alert>
            )}
            {data.unknownStages.length === 0 && data.unknownOwners.length === 0 ? (
              <Group gap="xs">
                <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
                <Text fz="sm" data-testid="values-all-match">
                  Every stage and owner in the {formatNumber(data.rows)} rows matches.
                </Text>
              </Group>
            ) : (
              <Table verticalSpacing="sm" data-testid="values-table">
                <Table.Thead bg="var(--mantine-color-gray-0)">
                  <Table.Tr>
                    <Table.Th w="32%">Value in your file</Table.Th>
                    <Table.Th w={110}>Rows</Table.Th>
                    <Table.Th>Stands for</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.unknownStages.map((v) => (
                    <Table.Tr key={`stage:${v.pipelineId}:${v.value}`}>
                      <Table.Td>
                        <Group gap="xs">
                          <Badge variant="light" size="sm">
                            Stage
                          </Badge>
                          <Text fz="sm" fw={500}>
                            {v.value}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatNumber(v.rows)}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Stage for ${v.value}`}
                          placeholder="Choose a stage (or the rows fail)"
                          data={stageOptions(v.pipelineId)}
                          value={choices.stages[v.value] ?? null}
                          onChange={(id) => {
                            const stages = { ...choices.stages };
                            if (id) stages[v.value] = id;
                            else delete stages[v.value];
                            onChange({ ...choices, stages });
                          }}
                          clearable
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {data.unknownOwners.map((v) => (
                    <Table.Tr key={`owner:${v.value}`}>
                      <Table.Td>
                        <Group gap="xs">
                          <Badge variant="light" color="grape" size="sm">
                            Owner
                          </Badge>
                          <Text fz="sm" fw={500}>
                            {v.value}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatNumber(v.rows)}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Owner for ${v.value}`}
                          placeholder="Choose a member (or the rows fail)"
                          data={ownerOptions}
                          value={choices.owners[v.value] ?? null}
                          onChange={(id) => {
                            const owners = { ...choices.owners };
                            if (id) owners[v.value] = id;
                            else delete owners[v.value];
                            onChange({ ...choices, owners });
                          }}
                          searchable
                          clearable
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {data.truncated && (
              <Text fz="sm" c="dimmed">
                Only the first 1,000 unknown values of a column are listed.
              </Text>
            )}
            {unmapped > 0 && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                {plural(unmapped, 'row')} with a value left open will fail, naming the value in the error report.
              </Alert>
            )}
          </>
        ) : null}

        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Back to mapping
          </Button>
          <Button onClick={onNext} disabled={!data}>
            Continue to review
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
