// Month or quarter, and which one: arrows step, the label says it in words, "current" jumps back.
import { ActionIcon, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { currentPeriod, periodKind, periodLabel, shiftPeriod, switchKind, type PeriodKind } from './periods.ts';

export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const kind = periodKind(value);
  const current = currentPeriod(kind);
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="sm"
        value={kind}
        onChange={(k) => onChange(switchKind(value, k as PeriodKind))}
        data={[
          { value: 'quarter', label: 'Quarter' },
          { value: 'month', label: 'Month' },
        ]}
      />
      <Group gap={4} wrap="nowrap">
        <Tooltip label={`Previous ${kind}`}>
          <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftPeriod(value, -1))} aria-label={`Previous ${kind}`}>
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Text fw={650} w={140} ta="center" data-testid="forecast-period">
          {periodLabel(value)}
        </Text>
        <Tooltip label={`Next ${kind}`}>
          <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftPeriod(value, 1))} aria-label={`Next ${kind}`}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {value !== current && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(current)}>
          This {kind}
        </Button>
      )}
    </Group>
  );
}
