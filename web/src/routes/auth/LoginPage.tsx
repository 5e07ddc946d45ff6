import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconAlertCircle } from '@tabler/icons-react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { useApplySession } from '../../session/session.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { isEmail } from '../../lib/validate.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const applySession = useApplySession();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (isEmail(v) ? null : 'Enter a valid email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  const login = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.POST('/api/v1/session', { body: values })),
    onSuccess: async (session) => {
      applySession(session);
      await navigate({ to: redirect ?? '/' });
    },
  });

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your workspace.">
      <form onSubmit={form.onSubmit((v) => login.mutate(v))} noValidate>
        <Stack>
          {login.error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
              {errorMessage(login.error)}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            placeholder="you@company.com"
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
