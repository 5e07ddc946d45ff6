import { Alert, Button, Group, List, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { api, unwrap, type Import } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { formatBytes, formatNumber } from '../../lib/format.ts';
import { DetailField } from '../../components/DetailField.tsx';
import { targetLabel, useImportFields } from './targets.ts';
import type { DealChoices } from './ValuesStep.tsx';

export function ReviewStep({
  imp,
  mapping,
  deal,
  onBack,
}: {
  imp: Import;
  mapping: Record<string, string>;
  /** deal imports: the pipeline and the answers of the values step */
  deal?: DealChoices;
  onBack: () => void;
}) {
  const queryClient = useQueryClient();
  const fields = useImportFields(imp.objectType);
  const mapped = imp.headers.filter((h) => mapping[h]);
  const skipped = imp.headers.filter((h) => !mapping[h]);
  const noun = imp.objectType === 'contact' ? 'contact' : 'account';
  const key = imp.objectType === 'contact' ? 'email' : 'domain';

  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/imports/{id}/start', {
          params: { path: { id: imp.id } },
          body: {
            mapping: Object.fromEntries(imp.headers.map((h) => [h, mapping[h] ?? ''])),
            ...(imp.objectType === 'deal' && deal
              ? { pipelineId: deal.pipelineId, valueMapping: { stages: deal.stages, owners: deal.owners } }
              : {}),
          },
        }),
      ),
    onSuccess: (started) => {
      queryClient.setQueryData(['imports', 'one', imp.id], started);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'recent'] });
    },
  });

  return (
    <Paper p="lg">
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <DetailField label="File">{imp.fileName}</DetailField>
          <DetailField label="Size">{formatBytes(imp.fileSize)}</DetailField>
          <DetailField label="Rows">{imp.totalRows !== null ? formatNumber(imp.totalRows) : 'Counted while importing'}</DetailField>
          <DetailField label="Columns imported">{`${mapped.length} of ${imp.headers.length}`}</DetailField>
        </SimpleGrid>

        <Stack gap="xs">
          <Text fw={650}>What will happen</Text>
          <List
            spacing={6}
            fz="sm"
            icon={
              <ThemeIcon size={18} radius="xl" color="teal" variant="light">
                <IconCheck size={12} />
              </ThemeIcon>
            }
          >
            {imp.objectType === 'deal' ? (
              <>
                <List.Item>
                  Each valid row creates a <b>new deal</b>. Deals are not matched to existing ones: importing the same file again creates
                  its deals again.
                </List.Item>
                <List.Item>
                  Created and close dates are kept: a won or lost deal is created on its created date and closes on its close date, in its
                  stage history too, so win rate and cycle length reflect the old CRM.
                </List.Item>
                <List.Item>Companies are matched by domain, then by name, and created when they do not exist yet.</List.Item>
              </>
            ) : (
              <>
                <List.Item>
                  Each row is matched by <b>{key}</b>: {key === 'email' ? 'an email' : 'a domain'} already in Tandem updates that {noun}; a
                  new one creates {noun === 'account' ? 'an' : 'a'} {noun}.
                </List.Item>
                <List.Item>Blank cells keep the values already stored: an import never erases data.</List.Item>
              </>
            )}
            {imp.objectType === 'contact' && mapped.some((h) => mapping[h] === 'accountName' || mapping[h] === 'accountDomain') && (
              <List.Item>Companies named in the file are linked, and created when they do not exist yet.</List.Item>
            )}
            <List.Item>
              Rows with problems (
              {imp.objectType === 'deal'
                ? 'a blank name, an unknown stage left unmapped, a date that is not a date'
                : 'an invalid email, an unknown option'}
              ) are skipped and listed in a downloadable error report.
            </List.Item>
            {skipped.length > 0 && <List.Item>Not imported: {skipped.join(', ')}.</List.Item>}
          </List>
        </Stack>

        <Stack gap="xs">
          <Text fw={650}>Preview of the first rows</Text>
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} data-testid="import-preview">
              <Table.Thead bg="var(--mantine-color-gray-0)">
                <Table.Tr>
                  {mapped.map((h) => (
                    <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                      {targetLabel(mapping[h], fields, imp.objectType)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imp.preview.slice(0, 5).map((row, i) => (
                  <Table.Tr key={i}>
                    {mapped.map((h) => (
                      <Table.Td key={h} style={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        {row[h] || (
                          <Text span c="dimmed" fz="xs">
                            {imp.objectType === 'deal' ? 'empty' : 'keeps stored value'}
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>

        {start.error && (
          <Alert color="red" icon={<IconInfoCircle size={18} />} title="The import could not start">
            {errorMessage(start.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Back to mapping
          </Button>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Start import
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
