import { Button, Group, Pill } from '@mantine/core';
import type { User } from '../api/client.ts';
import { describeFilter, type FilterField } from '../lib/filter-fields.ts';
import { filterChips, type FilterOp, type ListFilters } from '../lib/list-search.ts';

/** The active filters as removable pills, with "Clear all". */
export function FilterChips({
  filter,
  fields,
  users,
  hidden = [],
  onRemove,
  onClear,
}: {
  filter: ListFilters | undefined;
  fields: FilterField[];
  users: Map<string, User>;
  hidden?: Array<[string, FilterOp]>;
  onRemove: (field: string, op: FilterOp) => void;
  onClear: () => void;
}) {
  const chips = filterChips(filter).filter((c) => !hidden.some(([f, o]) => f === c.field && o === c.op));
  if (chips.length === 0) return null;
  return (
    <Group gap={6} data-testid="active-filters">
      {chips.map((c) => (
        <Pill
          key={`${c.field}:${c.op}`}
          withRemoveButton
          onRemove={() => onRemove(c.field, c.op)}
          size="md"
          removeButtonProps={{
            'aria-label': `Remove filter ${describeFilter(
              fields.find((f) => f.key === c.field),
              c.field,
              c.op,
              c.value,
              users,
            )}`,
          }}
          style={{ background: 'var(--mantine-color-brand-0)', color: 'var(--mantine-color-brand-8)' }}
        >
          {describeFilter(
            fields.find((f) => f.key === c.field),
            c.field,
            c.op,
            c.value,
            users,
          )}
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear}>
        Clear filters
      </Button>
    </Group>
  );
}
