// Emails Tandem sends (invitations for now). Without SMTP_URL they wait here instead of being sent.
import { Accordion, Alert, Badge, Code, EmptyState, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconInfoCircle, IconMail } from '@tabler/icons-react';
import { api, unwrap, type Schemas } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { AdminOnly } from './AdminOnly.tsx';

const STATUS: Record<Schemas['OutboxEmail']['status'], { label: string; color: string }> = {
  outbox_only: { label: 'In outbox', color: 'gray' },
  queued: { label: 'Sending', color: 'yellow' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export function OutboxSettings() {
  return (
    <AdminOnly what="the outbox">
      <OutboxSettingsSection />
    </AdminOnly>
  );
}

function OutboxSettingsSection() {
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => unwrap(api.GET('/api/v1/outbox', { params: { query: { limit: 100 } } })),
    refetchInterval: 10_000,
  });
  const emails = outbox.data?.data ?? [];
  return (
    <Stack gap="lg">
      {outbox.data && !outbox.data.smtpConfigured && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} title="Email sending is not configured">
          Tandem keeps the emails it would send here. To send them for real, start the server with <Code>SMTP_URL</Code> (for example{' '}
          <Code>smtps://user:pass@smtp.example.com</Code>).
        </Alert>
      )}
      <SettingsSection title="Outbox" description="Every email the system sends, newest first. Open one to read it." flush>
        {outbox.error ? (
          <QueryError error={outbox.error} title="Could not load the outbox" />
        ) : outbox.isPending ? (
          <Skeleton height={80} mx="lg" mb="lg" />
        ) : emails.length === 0 ? (
          <EmptyState
            py="xl"
            size="sm"
            icon={<IconMail size={22} />}
            withIndicatorBackground
            title="No emails yet"
            description="Invitations you send appear here."
          />
        ) : (
          <Accordion variant="default" chevronPosition="left" data-testid="outbox-list">
            {emails.map((m) => (
              <Accordion.Item key={m.id} value={m.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fz="sm" fw={500} truncate>
                        {m.subject}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        To {m.to} · {formatDateTime(m.createdAt)}
                      </Text>
                    </Stack>
                    <Badge color={STATUS[m.status].color} variant="light">
                      {STATUS[m.status].label}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {m.lastError && (
                    <Alert color="red" mb="sm">
                      {m.lastError}
                    </Alert>
                  )}
                  <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {m.text}
                  </Code>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </SettingsSection>
    </Stack>
  );
}
