// A form's submissions, newest first: who, what they sent, where from, and whether confirmed.
import { Badge, EmptyState, Group, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useFormSubmissions, type Form, type FormSubmission } from '../../queries/forms.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { formatDateTime, fromNow, personName } from '../../lib/format.ts';

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (v === true) return 'Yes';
  return String(v);
}

function source(s: FormSubmission): string {
  const utm = [s.utm.source, s.utm.medium].filter(Boolean).join(' / ');
  if (utm) return s.utm.campaign ? `${utm} · ${s.utm.campaign}` : utm;
  if (s.referrer) {
    try {
      return new URL(s.referrer).hostname;
    } catch {
      return s.referrer;
    }
  }
  return 'Direct';
}

export function FormSubmissions({ form }: { form: Form }) {
  const [limit, setLimit] = useState(50);
  const pages = useCursorPages(`${form.id}:${limit}`);
  const list = useFormSubmissions(form.id, pages.cursor, limit);
  const rows = list.data?.data ?? [];
  const labels = new Map(form.fields.map((f) => [f.property, f.label]));
  // the table shows what people typed beyond name and email, up to three answers
  const extra = form.fields.filter((f) => !['email', 'firstName', 'lastName'].includes(f.property)).slice(0, 3);

  if (list.error) return <QueryError error={list.error} title="Could not load submissions" />;
  if (!list.isPending && rows.length === 0 && pages.page === 0) {
    return (
      <Paper>
        <EmptyState
          py={56}
          icon={<IconInbox size={26} stroke={1.5} />}
          withIndicatorBackground
          title="No submissions yet"
          description="Share the form's link or embed it on your site; submissions appear here as they arrive."
        />
      </Paper>
    );
  }
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="submissions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Contact</Table.Th>
              {extra.map((f) => (
                <Table.Th key={f.property}>{f.label}</Table.Th>
              ))}
              <Table.Th>Source</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Submitted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.isPending
              ? Array.from({ length: 3 }, (_, i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={extra.length + 4}>
                      <Skeleton height={16} />
                    </Table.Td>
                  </Table.Tr>
                ))
              : rows.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {s.contact ? (
                        <Stack gap={0}>
                          <AnchorLink to="/contacts/$contactId" params={{ contactId: s.contact.id }} fz="sm" fw={600}>
                            {personName(s.contact)}
                          </AnchorLink>
                          <Text fz="xs" c="dimmed">
                            {s.contact.email}
                          </Text>
                        </Stack>
                      ) : (
                        <Text fz="sm" c="dimmed">
                          {String(s.values.email ?? 'Deleted contact')}
                        </Text>
                      )}
                    </Table.Td>
                    {extra.map((f) => (
                      <Table.Td key={f.property}>
                        <Text fz="sm" lineClamp={2} title={labels.get(f.property)}>
                          {s.values[f.property] === undefined ? '—' : valueText(s.values[f.property])}
                        </Text>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Tooltip label={s.pageUrl ?? 'No page recorded'} disabled={!s.pageUrl} multiline maw={360}>
                        <Text fz="sm">{source(s)}</Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      {s.status === 'confirmed' ? (
                        <Badge color="teal" variant="light">
                          {form.doubleOptIn ? 'Confirmed' : 'Received'}
                        </Badge>
                      ) : (
                        <Badge color="yellow" variant="light">
                          Awaiting confirmation
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={formatDateTime(s.createdAt)}>
                        <Group gap={4}>
                          <Text fz="sm" c="dimmed">
                            {fromNow(s.createdAt)}
                          </Text>
                        </Group>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter
        noun="submissions"
        page={pages.page}
        pageSize={limit}
        rowsOnPage={rows.length}
        total={pages.page === 0 && !list.data?.nextCursor ? rows.length : null}
        hasNext={Boolean(list.data?.nextCursor)}
        onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
        onPrev={pages.prev}
        onFirst={pages.first}
        onPageSize={setLimit}
      />
    </Paper>
  );
}
