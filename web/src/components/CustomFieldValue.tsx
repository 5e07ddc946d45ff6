import { Badge, Group, Text } from '@mantine/core';
import type { CustomField } from '../api/client.ts';
import { formatDate, formatNumber } from '../lib/format.ts';

/** A custom field's stored value as it reads on a detail page. */
export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  const label = (v: unknown) => field.options.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'number':
      return <Text fz="sm">{formatNumber(Number(value))}</Text>;
    case 'date':
      return <Text fz="sm">{formatDate(String(value))}</Text>;
    case 'boolean':
      return <Text fz="sm">{value === true ? 'Yes' : 'No'}</Text>;
    case 'select':
      return (
        <Badge variant="light" color="gray" size="sm">
          {label(value)}
        </Badge>
      );
    case 'multi_select':
      return (
        <Group gap={4}>
          {(value as unknown[]).map((v) => (
            <Badge key={String(v)} variant="light" color="gray" size="sm">
              {label(v)}
            </Badge>
          ))}
        </Group>
      );
    default:
      return (
        <Text fz="sm" style={{ wordBreak: 'break-word' }}>
          {String(value)}
        </Text>
      );
  }
}
