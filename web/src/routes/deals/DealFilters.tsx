// The filters the board and the list share: owner, expected close date range, amount range and a
// name search. They live in the URL in the API's own shape (filter[amount][gte]=…), so the request
// behind the screen is the URL.
import { Button, Group, NumberInput, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useUsers } from '../../queries/users.ts';
import type { FilterOp, ListFilters } from '../../lib/list-search.ts';

const get = (filter: ListFilters | undefined, field: string, op: FilterOp) => filter?.[field]?.[op];

function set(filter: ListFilters | undefined, field: string, op: FilterOp, value: string | undefined): ListFilters | undefined {
  const next: ListFilters = { ...filter, [field]: { ...filter?.[field] } };
  if (value === undefined || value === '') delete next[field][op];
  else next[field][op] = value;
  if (Object.keys(next[field]).length === 0) delete next[field];
  return Object.keys(next).length ? next : undefined;
}

export function DealFilters({
  filter,
  q,
  onChange,
  children,
}: {
  filter: ListFilters | undefined;
  q: string | undefined;
  onChange: (patch: { filter?: ListFilters | undefined; q?: string | undefined }) => void;
  children?: ReactNode;
}) {
  const { users } = useUsers();
  const [min, setMin] = useState<string | number>(get(filter, 'amount', 'gte') ?? '');
  const [max, setMax] = useState<string | number>(get(filter, 'amount', 'lte') ?? '');
  useEffect(() => {
    setMin(get(filter, 'amount', 'gte') ?? '');
    setMax(get(filter, 'amount', 'lte') ?? '');
  }, [filter]);
  const commitAmount = useDebouncedCallback(
    (op: FilterOp, v: string | number) => onChange({ filter: set(filter, 'amount', op, v === '' ? undefined : String(v)) }),
    500,
  );
  const amountError = min !== '' && max !== '' && Number(min) > Number(max) ? 'Min is above max' : undefined;
  const closeFrom = get(filter, 'expectedCloseDate', 'gte') ?? null;
  const closeTo = get(filter, 'expectedCloseDate', 'lte') ?? null;
  const active = Boolean(q || filter);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        label="Search deals"
        placeholder="Search deal names…"
        value={q ?? ''}
        onChange={(v) => onChange({ q: v || undefined })}
      />
      <Select
        aria-label="Owner"
        placeholder="Any owner"
        data={users.map((u) => ({ value: u.id, label: u.name || u.email }))}
        value={get(filter, 'ownerId', 'eq') ?? null}
        onChange={(v) => onChange({ filter: set(filter, 'ownerId', 'eq', v ?? undefined) })}
        clearable
        searchable
        w={180}
      />
      <DatePickerInput
        type="range"
        aria-label="Expected close"
        placeholder="Any close date"
        value={[closeFrom, closeTo]}
        onChange={([from, to]) => {
          // a half-picked range waits for its end
          if (from && !to) return;
          onChange({
            filter: set(set(filter, 'expectedCloseDate', 'gte', from ?? undefined), 'expectedCloseDate', 'lte', to ?? undefined),
          });
        }}
        allowSingleDateInRange
        clearable
        valueFormat="MMM D, YYYY"
        w={250}
      />
      <NumberInput
        aria-label="Minimum amount"
        placeholder="Min amount"
        prefix="$"
        thousandSeparator=","
        min={0}
        value={min}
        onChange={(v) => {
          setMin(v);
          commitAmount('gte', v);
        }}
        error={amountError}
        w={130}
      />
      <NumberInput
        aria-label="Maximum amount"
        placeholder="Max amount"
        prefix="$"
        thousandSeparator=","
        min={0}
        value={max}
        onChange={(v) => {
          setMax(v);
          commitAmount('lte', v);
        }}
        w={130}
      />
      {children}
      {active && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ q: undefined, filter: undefined })}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
