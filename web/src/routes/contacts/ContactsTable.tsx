import { Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links.tsx';
import type { Contact, User } from '../../api/client.ts';
import { LifecycleBadge } from '../../components/LifecycleBadge.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { TableSkeletonRows } from '../../components/TableSkeleton.tsx';
import { formatDate, formatDateTime, personName } from '../../lib/format.ts';

export function ContactsTable({
  rows,
  loading,
  sort,
  onSort,
  users,
  selected,
  allMatching,
  onToggle,
  onTogglePage,
}: {
  rows: Contact[];
  loading: boolean;
  sort: string | undefined;
  onSort: (field: string) => void;
  users: Map<string, User>;
  selected: Set<string>;
  allMatching: boolean;
  onToggle: (id: string) => void;
  onTogglePage: () => void;
}) {
  const selectedOnPage = rows.filter((r) => allMatching || selected.has(r.id)).length;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="contacts-table" style={{ tableLayout: 'fixed' }}>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all contacts on this page"
                checked={rows.length > 0 && selectedOnPage === rows.length}
                indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                onChange={onTogglePage}
                disabled={rows.length === 0}
              />
            </Table.Th>
            <SortableTh field="firstName" sort={sort} onSort={onSort}>
              Name
            </SortableTh>
            <SortableTh field="email" sort={sort} onSort={onSort} w={210}>
              Email
            </SortableTh>
            <Table.Th w={140}>Account</Table.Th>
            <SortableTh field="lifecycleStage" sort={sort} onSort={onSort} w={110}>
              Stage
            </SortableTh>
            <Table.Th w={190}>Tags</Table.Th>
            <Table.Th w={110}>Owner</Table.Th>
            <SortableTh field="createdAt" sort={sort} onSort={onSort} w={110}>
              Created
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows cols={8} />
          ) : (
            rows.map((c) => {
              const isSelected = allMatching || selected.has(c.id);
              return (
                <Table.Tr key={c.id} bg={isSelected ? 'var(--mantine-color-brand-light)' : undefined}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${personName(c)}`}
                      checked={isSelected}
                      onChange={() => onToggle(c.id)}
                      disabled={allMatching}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" truncate>
                      <Link to="/contacts/$contactId" params={{ contactId: c.id }} className="row-link">
                        {personName(c)}
                      </Link>
                    </Text>
                    {c.title && (
                      <Text fz="xs" c="dimmed" truncate>
                        {c.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" truncate title={c.email ?? undefined}>
                      {c.email ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.account ? (
                      <AnchorLink
                        to="/accounts/$accountId"
                        params={{ accountId: c.account.id }}
                        fz="sm"
                        c="var(--mantine-color-text)"
                        display="block"
                        maw="100%"
                        style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                        title={c.account.name}
                      >
                        {c.account.name}
                      </AnchorLink>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <LifecycleBadge stage={c.lifecycleStage} />
                  </Table.Td>
                  <Table.Td>
                    <TagList tags={c.tags} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c={c.ownerId ? undefined : 'dimmed'} truncate>
                      {c.ownerId ? (users.get(c.ownerId)?.name ?? '…') : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(c.createdAt)}>
                      <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.createdAt)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** As many tags as fit the column (two short ones, or one), then "+n" with the rest in a tooltip. */
function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  const shown = tags.length > 1 && tags[0].length + tags[1].length <= 16 ? 2 : 1;
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
      {tags.slice(0, shown).map((t) => (
        <Badge key={t} variant="outline" color="gray" size="sm" fw={500} style={{ flexShrink: 1, minWidth: 0 }} maw={130} title={t}>
          {t}
        </Badge>
      ))}
      {tags.length > shown && (
        <Tooltip label={tags.slice(shown).join(', ')}>
          <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
            +{tags.length - shown}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
