// One source: its write key and install tag (each with a copy button), how many events it has sent
// and when the last one arrived, and the actions an editor has (rename, rotate the key, delete).
import { ActionIcon, Badge, Box, Code, CopyButton, Group, Menu, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDots, IconPencil, IconRefresh, IconTrash, IconWorldWww } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Schemas } from '../../../api/client.ts';
import { formatDateTime, formatNumber, fromNow } from '../../../lib/format.ts';

export type Source = Schemas['Source'];

function CopyField({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block
          data-testid={testId}
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-xs)' }}
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`} withArrow>
              <ActionIcon
                variant="light"
                size="lg"
                onClick={copy}
                aria-label={`Copy ${label.toLowerCase()}`}
                color={copied ? 'teal' : undefined}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      {children}
    </Stack>
  );
}

/** Events stored but not processed yet (a burst), and events that could not be processed at all. */
function ProcessingBadges({ processing }: { processing: Source['processing'] }) {
  return (
    <>
      {processing.waitingEvents > 0 && (
        <Tooltip
          multiline
          w={300}
          withArrow
          label={
            'These events are stored safely. They appear in timelines, touches and reports once processed, normally within ' +
            'seconds; during a burst of traffic processing waits up to a minute so that the tracking API answers first.'
          }
        >
          <Badge variant="light" color="blue" size="sm" data-testid="source-processing">
            Processing {formatNumber(processing.waitingEvents)}
            {processing.oldestWaitingAt ? ` · oldest ${fromNow(processing.oldestWaitingAt)}` : ''}
          </Badge>
        </Tooltip>
      )}
      {processing.failedEvents > 0 && (
        <Tooltip
          multiline
          w={300}
          withArrow
          label="These events could not be processed. They are kept, with the error, in the tracking_inbox table for an operator to look at."
        >
          <Badge variant="light" color="red" size="sm" data-testid="source-failed">
            {formatNumber(processing.failedEvents)} failed
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

export function SourceCard({
  source,
  canEdit,
  onRename,
  onRotate,
  onDelete,
}: {
  source: Source;
  canEdit: boolean;
  onRename(): void;
  onRotate(): void;
  onDelete(): void;
}) {
  // events waiting for processing are received too: "No events yet" beside "Processing 1,000" would contradict
  const received = source.eventCount + source.processing.waitingEvents;
  const receiving = received > 0;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="source-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={38} radius="md">
            <IconWorldWww size={20} />
          </ThemeIcon>
          <Box>
            <Text fw={600}>{source.name}</Text>
            <Group gap={6}>
              <Badge variant="dot" color={receiving ? 'teal' : 'gray'} size="sm">
                {receiving ? `${formatNumber(received)} events received` : 'No events yet'}
              </Badge>
              {source.lastEventAt && (
                <Tooltip label={formatDateTime(source.lastEventAt)} withArrow>
                  <Text fz="xs" c="dimmed">
                    last {fromNow(source.lastEventAt)}
                  </Text>
                </Tooltip>
              )}
              <ProcessingBadges processing={source.processing} />
            </Group>
          </Box>
        </Group>
        {canEdit && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${source.name}`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={onRename}>
                Rename
              </Menu.Item>
              <Menu.Item leftSection={<IconRefresh size={16} />} onClick={onRotate}>
                Rotate write key
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                Delete source
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Stack gap="md">
        <CopyField label="Install tag" value={source.installTag} testId="install-tag">
          <Text fz="xs" c="dimmed">
            Paste it into the <Code fz="xs">&lt;head&gt;</Code> of every page. It records page views with their UTM parameters and referrer,
            and offers <Code fz="xs">tandem.identify()</Code> and <Code fz="xs">tandem.track()</Code>.
          </Text>
        </CopyField>
        <CopyField label="Write key" value={source.writeKey} testId="write-key">
          <Text fz="xs" c="dimmed">
            For Segment libraries and other servers: send it as the HTTP Basic username to <Code fz="xs">{source.apiHost}/v1/batch</Code>.
            It can only send events, never read them.
          </Text>
        </CopyField>
      </Stack>
    </Paper>
  );
}
