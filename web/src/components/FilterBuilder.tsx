// "Add filter" popover: pick a field, an operator that fits its type, and a value; produces the
// `filter[field][op]=value` entries the list API takes.
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { IconFilterPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OPS_BY_KIND, type BuilderOp, type FilterField } from '../lib/filter-fields.ts';
import type { FilterChip } from '../lib/list-search.ts';
import { useUsers } from '../queries/users.ts';

interface Draft {
  field: FilterField | null;
  op: BuilderOp | null;
  text: string;
  values: string[];
  range: [string | null, string | null];
}

const empty: Draft = { field: null, op: null, text: '', values: [], range: [null, null] };

/** Date filters on timestamps cover whole local days: "on or before Mar 3" includes all of Mar 3. */
function dayBound(date: string, kind: FilterField['kind'], end: boolean): string {
  if (kind === 'date') return date;
  return (end ? dayjs(date).endOf('day') : dayjs(date).startOf('day')).toISOString();
}

function toChips(d: Draft): FilterChip[] | null {
  const { field, op } = d;
  if (!field || !op) return null;
  const key = field.key;
  if (op === 'exists') return [{ field: key, op, value: d.text === 'false' ? 'false' : 'true' }];
  if (op === 'between') {
    const [from, to] = d.range;
    if (!from && !to) return null;
    return [
      ...(from ? [{ field: key, op: 'gte' as const, value: dayBound(from, field.kind, false) }] : []),
      ...(to ? [{ field: key, op: 'lte' as const, value: dayBound(to, field.kind, true) }] : []),
    ];
  }
  if (field.kind === 'datetime' || field.kind === 'date') {
    const [day] = d.range;
    return day ? [{ field: key, op, value: dayBound(day, field.kind, op === 'lte' || op === 'gt') }] : null;
  }
  if (op === 'in' || op === 'nin') return d.values.length ? [{ field: key, op, value: d.values.join(',') }] : null;
  return d.text.trim() ? [{ field: key, op, value: d.text.trim() }] : null;
}

export function FilterBuilder({
  fields,
  onAdd,
  customFrom,
}: {
  fields: FilterField[];
  onAdd: (chips: FilterChip[]) => void;
  customFrom?: number;
}) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Draft>(empty);
  const { users } = useUsers();
  const chips = toChips(draft);

  const builtIn = customFrom === undefined ? fields : fields.slice(0, customFrom);
  const custom = customFrom === undefined ? [] : fields.slice(customFrom);
  const fieldData = [
    { group: 'Fields', items: builtIn.map((f) => ({ value: f.key, label: f.label })) },
    ...(custom.length ? [{ group: 'Custom fields', items: custom.map((f) => ({ value: f.key, label: f.label })) }] : []),
  ];

  const pickField = (key: string | null) => {
    const field = fields.find((f) => f.key === key) ?? null;
    const op = field ? OPS_BY_KIND[field.kind][0].op : null;
    setDraft({ ...empty, field, op, text: field?.kind === 'boolean' || op === 'exists' ? 'true' : '' });
  };

  const apply = () => {
    if (!chips) return;
    onAdd(chips);
    setOpened(false);
    setDraft(empty);
  };

  const { field, op } = draft;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={340} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilterPlus size={16} stroke={1.6} />} onClick={() => setOpened((o) => !o)}>
          Add filter
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text fw={600} fz="sm">
            Add a filter
          </Text>
          <Select
            label="Field"
            placeholder="Choose a field"
            data={fieldData}
            value={field?.key ?? null}
            onChange={pickField}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          {field && (
            <Select
              label="Condition"
              data={OPS_BY_KIND[field.kind].map((o) => ({ value: o.op, label: o.label }))}
              value={op}
              onChange={(v) =>
                setDraft({
                  ...draft,
                  op: v as BuilderOp,
                  text: v === 'exists' || field.kind === 'boolean' ? 'true' : '',
                  values: [],
                  range: [null, null],
                })
              }
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
            />
          )}
          {field && op && (
            <ValueInput draft={draft} setDraft={setDraft} users={users.map((u) => ({ value: u.id, label: u.name || u.email }))} />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" color="gray" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button onClick={apply} disabled={!chips}>
              Apply
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function ValueInput({
  draft,
  setDraft,
  users,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  users: Array<{ value: string; label: string }>;
}) {
  const field = draft.field!;
  const op = draft.op!;
  const noPortal = { withinPortal: false };
  if (op === 'exists') {
    const [yes, no] =
      field.kind === 'user' ? ['Assigned', 'Unassigned'] : field.kind === 'tags' ? ['Has tags', 'No tags'] : ['Is set', 'Is empty'];
    return (
      <SegmentedControl
        fullWidth
        data={[
          { value: 'true', label: yes },
          { value: 'false', label: no },
        ]}
        value={draft.text || 'true'}
        onChange={(text) => setDraft({ ...draft, text })}
      />
    );
  }
  switch (field.kind) {
    case 'boolean':
      return (
        <SegmentedControl
          fullWidth
          data={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
          value={draft.text || 'true'}
          onChange={(text) => setDraft({ ...draft, text })}
        />
      );
    case 'number':
      return <NumberInput label="Value" value={draft.text} onChange={(v) => setDraft({ ...draft, text: String(v) })} />;
    case 'datetime':
    case 'date':
      return op === 'between' ? (
        <DatePickerInput
          type="range"
          label="Dates"
          placeholder="Pick a range"
          value={draft.range}
          onChange={(range) => setDraft({ ...draft, range: range as [string | null, string | null] })}
          allowSingleDateInRange
          popoverProps={noPortal}
        />
      ) : (
        <DatePickerInput
          label="Date"
          placeholder="Pick a day"
          value={draft.range[0]}
          onChange={(day) => setDraft({ ...draft, range: [day as string | null, null] })}
          popoverProps={noPortal}
        />
      );
    case 'enum':
    case 'list':
      return (
        <MultiSelect
          label="Values"
          data={field.options ?? []}
          value={draft.values}
          onChange={(values) => setDraft({ ...draft, values })}
          searchable
          comboboxProps={noPortal}
        />
      );
    case 'user':
      return (
        <MultiSelect
          label="Members"
          data={users}
          value={draft.values}
          onChange={(values) => setDraft({ ...draft, values })}
          searchable
          comboboxProps={noPortal}
        />
      );
    case 'tags':
      return (
        <TagsInput
          label="Tags"
          placeholder="Type a tag, press Enter"
          value={draft.values}
          onChange={(values) => setDraft({ ...draft, values })}
          comboboxProps={noPortal}
        />
      );
    default:
      return (
        <TextInput label="Value" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })} data-autofocus />
      );
  }
}
