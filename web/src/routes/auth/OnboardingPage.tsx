import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client.ts';
import { useApplySession } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { isEmail, password, requiredText } from '../../lib/validate.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function OnboardingPage() {
  const navigate = useNavigate();
  const applySession = useApplySession();
  const form = useForm({
    initialValues: { workspaceName: '', name: '', email: '', password: '' },
    validate: {
      workspaceName: requiredText('Workspace name'),
      name: requiredText('Your name'),
      email: (v) => (isEmail(v) ? null : 'Enter a valid email address'),
      password,
    },
  });

  const onboard = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.POST('/api/v1/onboarding', { body: values })),
    onSuccess: async (session) => {
      applySession(session);
      notifySuccess(`Welcome to ${session.workspace?.name}`, 'Your workspace is ready. Add contacts or import a CSV to get started.');
      await navigate({ to: '/' });
    },
    onError: (e) => showApiErrors(form, e, 'Could not create the workspace'),
  });

  return (
    <AuthLayout title="Set up Tandem" subtitle="Create your workspace and the first admin account. It takes a minute." width={460}>
      <form onSubmit={form.onSubmit((v) => onboard.mutate(v))} noValidate>
        <Stack>
          <TextInput
            label="Workspace name"
            description="Usually your company's name"
            placeholder="Acme Inc"
            autoFocus
            {...form.getInputProps('workspaceName')}
          />
          <Divider label="Admin account" labelPosition="left" mt="xs" />
          <TextInput label="Your name" autoComplete="name" placeholder="Ada Lovelace" {...form.getInputProps('name')} />
          <TextInput label="Work email" type="email" autoComplete="email" placeholder="ada@acme.com" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 8 characters"
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={onboard.isPending} fullWidth mt="xs">
            Create workspace
          </Button>
          <Text c="dimmed" fz="xs" ta="center">
            You can invite teammates from Settings once you are in.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
