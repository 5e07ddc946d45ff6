import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A monospace value with a copy button (utm values, tagged links). */
export function CopyValue({ value, label = 'Copy' }: { value: string; label?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text fz="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="copy-value">
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : label} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={label}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
