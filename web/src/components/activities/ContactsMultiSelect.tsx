import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { personName } from '../../lib/format.ts';

/**
 * Picks several contacts, searching the API as you type (contacts can be millions). Labels of chosen
 * contacts are remembered, so they stay readable when a later search no longer returns them.
 */
export function ContactsMultiSelect({
  value,
  onChange,
  known = [],
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Contacts to offer before any search (e.g. the record's own contact). */
  known?: Array<{ id: string; name: string }>;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const labels = useRef(new Map<string, string>());
  for (const k of known) labels.current.set(k.id, k.name);
  const { data, isFetching } = useQuery({
    queryKey: ['contacts', 'picker', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: debounced || undefined, limit: 20, sort: 'lastName' } } })),
    staleTime: 30_000,
  });
  for (const c of data?.data ?? []) labels.current.set(c.id, c.email ? `${personName(c)} (${c.email})` : personName(c));
  const ids = new Set([...value, ...known.map((k) => k.id), ...(data?.data ?? []).map((c) => c.id)]);
  const options = [...ids].map((id) => ({ value: id, label: labels.current.get(id) ?? '…' }));
  return (
    <MultiSelect
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o, search: s }) => {
        const words = s.toLowerCase().split(/\s+/).filter(Boolean);
        return o.filter((opt) => 'label' in opt && words.every((w) => opt.label.toLowerCase().includes(w)));
      }}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No contact matches'}
      {...props}
    />
  );
}
