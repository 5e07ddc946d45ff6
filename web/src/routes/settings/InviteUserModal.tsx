import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Tooltip, ActionIcon, Code } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Role } from '../../api/client.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { isEmail } from '../../lib/validate.ts';

export const roleOptions = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<{ email: string; acceptUrl: string } | null>(null);
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => unwrap(api.GET('/api/v1/outbox')), enabled: opened });
  const form = useForm<{ email: string; role: Role }>({
    initialValues: { email: '', role: 'sales' },
    validate: { email: (v) => (isEmail(v) ? null : 'Enter a valid email address') },
  });

  const invite = useMutation({
    mutationFn: (v: { email: string; role: Role }) => unwrap(api.POST('/api/v1/users', { body: { email: v.email.trim(), role: v.role } })),
    onSuccess: (inv) => {
      setSent({ email: inv.email, acceptUrl: inv.acceptUrl });
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (e) => showApiErrors(form, e, 'Could not send the invitation'),
  });

  const close = () => {
    onClose();
    setSent(null);
    form.reset();
  };
  const smtp = outbox.data?.smtpConfigured ?? false;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{sent ? 'Invitation sent' : 'Invite a teammate'}</Text>} size="md">
      {sent ? (
        <Stack>
          <Alert color="teal" icon={<IconMailCheck size={18} />}>
            {smtp ? (
              <>An invitation email is on its way to {sent.email}.</>
            ) : (
              <>
                The invitation email to {sent.email} is in the{' '}
                <AnchorLink to="/settings/outbox" onClick={close}>
                  Outbox
                </AnchorLink>{' '}
                (SMTP is not configured, so Tandem does not send email yet). Share the link below directly.
              </>
            )}
          </Alert>
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              Invitation link
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="invite-link">
                {sent.acceptUrl}
              </Code>
              <CopyButton value={sent.acceptUrl}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                    <ActionIcon variant="light" onClick={copy} aria-label="Copy invitation link" size="lg">
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text fz="xs" c="dimmed">
              Anyone with this link can join as this user until it is accepted, revoked or expires.
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSent(null)}>
              Invite another
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
          <Stack>
            <TextInput label="Email" type="email" placeholder="teammate@company.com" data-autofocus {...form.getInputProps('email')} />
            <Select
              label="Role"
              data={roleOptions}
              allowDeselect={false}
              description={ROLE_DESCRIPTIONS[form.values.role]}
              {...form.getInputProps('role')}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
