import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import type { Import } from '../../api/client.ts';
import { targetLabel, useImportFields } from './targets.ts';

const SKIP = '__skip__';

/** Problems the API would reject the mapping for, checked before going on. */
export function mappingProblems(objectType: Import['objectType'], mapping: Record<string, string>): string[] {
  const problems: string[] = [];
  const targets = Object.values(mapping).filter(Boolean);
  const dupes = targets.filter((t, i) => targets.indexOf(t) !== i);
  if (dupes.length) problems.push(`Each field can take one column: ${[...new Set(dupes)].join(', ')} is mapped twice.`);
  if (objectType === 'contact' && !targets.some((t) => ['email', 'firstName', 'lastName'].includes(t))) {
    problems.push('Map a column to Email (to match existing contacts), or at least to a name.');
  }
  if (objectType === 'account' && !targets.some((t) => t === 'domain' || t === 'name')) {
    problems.push('Map a column to Domain (to match existing accounts), or at least to Name.');
  }
  if (objectType === 'deal' && !targets.includes('name')) problems.push('Map a column to Deal name: every deal needs one.');
  return problems;
}

export function MappingStep({
  imp,
  mapping,
  onChange,
  onBack,
  onNext,
  nextLabel = 'Continue to review',
}: {
  imp: Import;
  mapping: Record<string, string>;
  onChange: (m: Record<string, string>) => void;
  onBack: () => void;
  onNext: () => void;
  nextLabel?: string;
}) {
  const fields = useImportFields(imp.objectType);
  const used = new Map(
    Object.entries(mapping)
      .filter(([, t]) => t)
      .map(([h, t]) => [t, h]),
  );
  const options = [
    { value: SKIP, label: "Don't import" },
    ...imp.targets.map((t) => ({ value: t, label: targetLabel(t, fields, imp.objectType) })),
  ];
  const mappedCount = imp.headers.filter((h) => mapping[h]).length;
  const problems = mappingProblems(imp.objectType, mapping);
  const matchKey = imp.objectType === 'contact' ? 'email' : 'domain';

  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" p="lg">
        <Stack gap={2}>
          <Text fw={650}>Map the columns of {imp.fileName}</Text>
          <Text fz="sm" c="dimmed">
            {mappedCount} of {imp.headers.length} columns will be imported. Suggestions come from the column names.
          </Text>
        </Stack>
        {imp.objectType === 'deal' ? (
          <Badge color="yellow" variant="light" size="lg">
            Each row creates a new deal
          </Badge>
        ) : (
          !Object.values(mapping).includes(matchKey) && (
            <Badge color="yellow" variant="light" size="lg">
              No {matchKey} column: every row creates a new {imp.objectType}
            </Badge>
          )
        )}
      </Group>
      <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="mapping-table">
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w="28%">Column in your file</Table.Th>
            <Table.Th>Sample values</Table.Th>
            <Table.Th w={60} />
            <Table.Th w="30%">Import into</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imp.headers.map((header) => {
            const target = mapping[header] ?? '';
            const samples = imp.preview
              .map((r) => r[header])
              .filter((v) => v && v.trim())
              .slice(0, 3);
            const clash = target && used.get(target) !== header;
            return (
              <Table.Tr key={header}>
                <Table.Td>
                  <Text fw={500} fz="sm">
                    {header}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed" lineClamp={1}>
                    {samples.length ? samples.join(' · ') : 'Empty in the first rows'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <IconArrowRight size={16} color={target ? 'var(--mantine-color-brand-6)' : 'var(--mantine-color-gray-4)'} />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Import column ${header} into`}
                    data={options}
                    value={target || SKIP}
                    onChange={(v) => onChange({ ...mapping, [header]: !v || v === SKIP ? '' : v })}
                    allowDeselect={false}
                    searchable
                    error={clash ? 'Already used by another column' : undefined}
                    styles={target ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Stack p="lg" gap="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {problems.length > 0 && (
          <Alert color="orange" icon={<IconInfoCircle size={18} />}>
            {problems.map((p) => (
              <Text key={p} fz="sm">
                {p}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Start over
          </Button>
          <Button onClick={onNext} disabled={problems.length > 0}>
            {nextLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
