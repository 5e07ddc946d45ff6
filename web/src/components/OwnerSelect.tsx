import { Select, type SelectProps } from '@mantine/core';
import { useUsers } from '../queries/users.ts';

/** Picks a workspace member as owner; empty means unassigned. Deactivated members are not offered. */
export function OwnerSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const { users, isPending } = useUsers();
  const data = users.filter((u) => u.status === 'active' || u.id === value).map((u) => ({ value: u.id, label: u.name || u.email }));
  return (
    <Select
      label="Owner"
      placeholder={isPending ? 'Loading…' : 'Unassigned'}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      allowDeselect={false}
      searchable
      nothingFoundMessage="No member matches"
      {...props}
    />
  );
}
