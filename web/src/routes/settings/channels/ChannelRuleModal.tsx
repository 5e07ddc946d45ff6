// Add or edit one channel rule: the channel it gives, and the conditions that must all hold.
import { ActionIcon, Autocomplete, Button, Group, Modal, Select, Stack, TagsInput, Text, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useEffect } from 'react';
import {
  FIELD_HINTS,
  FIELD_LABELS,
  needsValues,
  OPERATOR_LABELS,
  type ChannelRule,
  type RuleCondition,
  type RuleField,
  type RuleOperator,
} from './rule-text.ts';

const FIELD_OPTIONS = Object.entries(FIELD_LABELS).map(([value, label]) => ({ value, label }));
const OPERATOR_OPTIONS = Object.entries(OPERATOR_LABELS).map(([value, label]) => ({ value, label }));
const EMPTY_CONDITION: RuleCondition = { field: 'medium', operator: 'matches', values: [] };

export function ChannelRuleModal({
  opened,
  rule,
  channelNames,
  onClose,
  onSave,
}: {
  opened: boolean;
  rule: ChannelRule | null;
  channelNames: string[];
  onClose: () => void;
  onSave: (rule: ChannelRule) => void;
}) {
  const form = useForm<ChannelRule>({
    initialValues: rule ?? { channel: '', conditions: [EMPTY_CONDITION] },
    validate: {
      channel: (v) => (!v.trim() ? 'Name the channel' : v.trim().length > 60 ? 'Use at most 60 characters' : null),
      conditions: {
        values: (v, values, path) => {
          const index = Number(path.split('.')[1]);
          const op = values.conditions[index]?.operator;
          if (op && needsValues(op) && v.length === 0) return 'Add at least one pattern';
          if (v.some((p) => p.length > 200)) return 'Patterns can be at most 200 characters';
          return null;
        },
      },
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(rule ?? { channel: '', conditions: [EMPTY_CONDITION] });
      form.clearErrors();
    }
  }, [opened, rule]);

  const setOperator = (i: number, op: RuleOperator) => {
    form.setFieldValue(`conditions.${i}.operator`, op);
    if (!needsValues(op)) form.setFieldValue(`conditions.${i}.values`, []);
  };

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={650}>{rule ? 'Edit rule' : 'Add rule'}</Text>}>
      <form
        noValidate
        data-testid="channel-rule-form"
        onSubmit={form.onSubmit((v) => onSave({ channel: v.channel.trim(), conditions: v.conditions }))}
      >
        <Stack gap="md">
          <Autocomplete
            label="Channel"
            description="Pick one or type a new channel name"
            withAsterisk
            data={channelNames}
            maxDropdownHeight={220}
            {...form.getInputProps('channel')}
          />
          <Stack gap="xs">
            <div>
              <Text fz="sm" fw={500}>
                When all of these hold
              </Text>
              <Text fz="xs" c="dimmed">
                Case does not matter; * stands for any text, and a condition holds when any one of its patterns matches.
              </Text>
            </div>
            {form.values.conditions.length === 0 && (
              <Text fz="sm" c="dimmed">
                No conditions: this rule matches every touch that reaches it.
              </Text>
            )}
            {form.values.conditions.map((c, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="rule-condition">
                <Select
                  aria-label="Field"
                  data={FIELD_OPTIONS}
                  allowDeselect={false}
                  w={170}
                  value={c.field}
                  onChange={(v) => v && form.setFieldValue(`conditions.${i}.field`, v as RuleField)}
                />
                <Select
                  aria-label="Operator"
                  data={OPERATOR_OPTIONS}
                  allowDeselect={false}
                  w={150}
                  value={c.operator}
                  onChange={(v) => v && setOperator(i, v as RuleOperator)}
                />
                {needsValues(c.operator) ? (
                  <TagsInput
                    aria-label="Patterns"
                    style={{ flex: 1 }}
                    placeholder={FIELD_HINTS[c.field] ?? 'Type a pattern, press Enter'}
                    splitChars={[',']}
                    clearable
                    {...form.getInputProps(`conditions.${i}.values`)}
                  />
                ) : (
                  <div style={{ flex: 1 }} />
                )}
                <Tooltip label="Remove condition">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={4}
                    aria-label="Remove condition"
                    onClick={() => form.removeListItem('conditions', i)}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('conditions', { ...EMPTY_CONDITION })}
                disabled={form.values.conditions.length >= 10}
              >
                Add condition
              </Button>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{rule ? 'Apply' : 'Add rule'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
