import { Alert, Badge, Button, Center, Group, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { IconAlertCircle } from '@tabler/icons-react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { ROLE_LABELS, useApplySession } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { password } from '../../lib/validate.ts';
import { AuthLayout } from './AuthLayout.tsx';

const route = getRouteApi('/invite/$token');

export function AcceptInvitePage() {
  const { token } = route.useParams();
  const navigate = useNavigate();
  const applySession = useApplySession();
  const lookup = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/lookup', { params: { query: { token } } })),
    retry: false,
  });
  const existingUser = lookup.data?.existingUser ?? false;
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (v) => (existingUser || v.trim() ? null : 'Your name is required'),
      password: (v) => (existingUser ? (v ? null : 'Enter your password') : password(v)),
    },
  });

  const accept = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/invitations/accept', {
          body: { token, password: values.password, ...(existingUser ? {} : { name: values.name }) },
        }),
      ),
    onSuccess: async (session) => {
      applySession(session);
      notifySuccess(`Welcome to ${session.workspace?.name}`);
      await navigate({ to: '/' });
    },
    onError: (e) => showApiErrors(form, e, 'Could not accept the invitation'),
  });

  if (lookup.isPending) {
    return (
      <AuthLayout title="Join workspace">
        <Center py="xl">
          <Loader type="dots" />
        </Center>
      </AuthLayout>
    );
  }
  if (lookup.error || !lookup.data) {
    return (
      <AuthLayout title="Invitation not valid">
        <Stack>
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {errorMessage(lookup.error)} Ask the person who invited you for a new link.
          </Alert>
          <Button component={Link} to="/login" variant="light">
            Go to sign in
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const inv = lookup.data;
  return (
    <AuthLayout
      title={`Join ${inv.workspaceName}`}
      subtitle={
        <Group gap={6} component="span">
          You were invited as <Badge variant="light">{ROLE_LABELS[inv.role]}</Badge>
        </Group>
      }
    >
      <form onSubmit={form.onSubmit((v) => accept.mutate(v))} noValidate>
        <Stack>
          <TextInput label="Email" value={inv.email} readOnly disabled />
          {existingUser ? (
            <Text fz="sm" c="dimmed">
              You already have a Tandem account. Enter its password to add this workspace to it.
            </Text>
          ) : (
            <TextInput label="Your name" autoComplete="name" autoFocus {...form.getInputProps('name')} />
          )}
          <PasswordInput
            label={existingUser ? 'Password' : 'Choose a password'}
            description={existingUser ? undefined : 'At least 8 characters'}
            autoComplete={existingUser ? 'current-password' : 'new-password'}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
            Accept invitation
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
