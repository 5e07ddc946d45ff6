import { Group, Table } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A column header that sorts the list by its field: click to cycle ascending, descending, default. */
export function SortableTh({
  field,
  sort,
  onSort,
  children,
  w,
}: {
  field: string;
  sort: string | undefined;
  onSort: (field: string) => void;
  children: ReactNode;
  w?: number | string;
}) {
  const dir = sort === field ? 'asc' : sort === `-${field}` ? 'desc' : null;
  const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
  return (
    <Table.Th
      className="sortable-th"
      w={w}
      onClick={() => onSort(field)}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      tabIndex={0}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSort(field)}
    >
      <Group gap={4} wrap="nowrap">
        {children}
        <Icon size={14} stroke={1.6} opacity={dir ? 1 : 0.45} />
      </Group>
    </Table.Th>
  );
}
