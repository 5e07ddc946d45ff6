import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft } from '@tabler/icons-react';
import { PAGE_SIZES } from '../lib/list-search.ts';
import { formatNumber } from '../lib/format.ts';

/** "Showing 51–100 of 1,234" with previous/next and the page size picker. */
export function ListFooter(props: {
  page: number;
  pageSize: number;
  rowsOnPage: number;
  total: number | null;
  hasNext: boolean;
  onNext: () => void;
  onPrev: () => void;
  onFirst: () => void;
  onPageSize: (size: number) => void;
  noun: string;
}) {
  const { page, pageSize, rowsOnPage, total, hasNext } = props;
  const from = rowsOnPage === 0 ? 0 : page * pageSize + 1;
  const to = page * pageSize + rowsOnPage;
  return (
    <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text fz="sm" c="dimmed" data-testid="list-range">
        {rowsOnPage === 0
          ? `No ${props.noun}`
          : `Showing ${formatNumber(from)}–${formatNumber(to)}${total !== null ? ` of ${formatNumber(total)}` : ''}`}
      </Text>
      <Group gap="md">
        <Group gap={6}>
          <Text fz="sm" c="dimmed">
            Rows per page
          </Text>
          <Select
            aria-label="Rows per page"
            size="xs"
            w={76}
            data={PAGE_SIZES.map(String)}
            value={String(pageSize)}
            onChange={(v) => v && props.onPageSize(Number(v))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Group gap={4}>
          <Tooltip label="First page">
            <ActionIcon variant="default" aria-label="First page" disabled={page === 0} onClick={props.onFirst}>
              <IconChevronsLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon variant="default" aria-label="Previous page" disabled={page === 0} onClick={props.onPrev}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" aria-label="Next page" disabled={!hasNext} onClick={props.onNext}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      </Group>
    </Group>
  );
}
