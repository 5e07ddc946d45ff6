import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';

/** Searchable account picker: searches the API as you type (accounts can be many). */
export function AccountSelect({
  value,
  initialLabel,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  initialLabel?: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, isFetching } = useQuery({
    queryKey: ['accounts', 'picker', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/accounts', { params: { query: { q: debounced || undefined, limit: 20, sort: 'name' } } })),
    staleTime: 30_000,
  });
  const options = (data?.data ?? []).map((a) => ({ value: a.id, label: a.domain ? `${a.name} (${a.domain})` : a.name }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      label="Account"
      placeholder="No account"
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No account matches'}
      {...props}
    />
  );
}
