// Searchable pickers for records that can be many (deals, campaigns): they ask the API as you type.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  initialLabel?: string | null;
  onChange: (id: string | null) => void;
  /** A record not to offer (a deal cannot be its own parent). */
  exclude?: string;
};

function usePicker(kind: 'deals' | 'campaigns', q: string) {
  return useQuery({
    queryKey: [kind, 'picker', q],
    queryFn: async () => {
      const query = { q: q || undefined, limit: 20, sort: 'name' };
      const page =
        kind === 'deals'
          ? await unwrap(api.GET('/api/v1/deals', { params: { query } }))
          : await unwrap(api.GET('/api/v1/campaigns', { params: { query } }));
      return page.data.map((r) => ({ value: r.id, label: r.name }));
    },
    staleTime: 30_000,
  });
}

function RecordPicker({ kind, value, initialLabel, onChange, exclude, ...props }: PickerProps & { kind: 'deals' | 'campaigns' }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, isFetching } = usePicker(kind, debounced);
  const options = (data ?? []).filter((o) => o.value !== exclude);
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel ?? 'Selected' });
  return (
    <Select
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? 'Searching…' : 'Nothing matches'}
      {...props}
    />
  );
}

export const DealPicker = (props: PickerProps) => <RecordPicker kind="deals" {...props} />;
export const CampaignPicker = (props: PickerProps) => <RecordPicker kind="campaigns" {...props} />;
