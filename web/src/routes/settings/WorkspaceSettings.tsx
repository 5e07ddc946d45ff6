import { Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { sessionQuery, usePermissions } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { formatDate } from '../../lib/format.ts';
import { requiredText } from '../../lib/validate.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { useEffect } from 'react';

export function WorkspaceSettings() {
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const workspace = useQuery({ queryKey: ['workspace'], queryFn: () => unwrap(api.GET('/api/v1/workspace')) });
  const form = useForm({ initialValues: { name: '' }, validate: { name: requiredText('Name') } });

  useEffect(() => {
    if (workspace.data) form.setValues({ name: workspace.data.name });
    // only when the stored name arrives
  }, [workspace.data?.name]);

  const rename = useMutation({
    mutationFn: (name: string) => unwrap(api.PATCH('/api/v1/workspace', { body: { name } })),
    onSuccess: (w) => {
      queryClient.setQueryData(['workspace'], w);
      void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      form.resetDirty({ name: w.name });
      notifySuccess('Workspace renamed', w.name);
    },
    onError: (e) => showApiErrors(form, e, 'Could not rename the workspace'),
  });

  return (
    <Stack gap="lg">
      <SettingsSection title="Workspace" description="The name your team sees in the header and in invitation emails.">
        <form onSubmit={form.onSubmit((v) => rename.mutate(v.name.trim()))} noValidate>
          <Stack gap="md" maw={480}>
            <TextInput label="Workspace name" {...form.getInputProps('name')} disabled={!isAdmin || workspace.isPending} />
            {workspace.data && (
              <Text fz="xs" c="dimmed">
                Created {formatDate(workspace.data.createdAt)} · Workspace ID <Code fz="xs">{workspace.data.id}</Code> (for{' '}
                <Code fz="xs">tandem import --workspace</Code>)
              </Text>
            )}
            {isAdmin && (
              <Group>
                <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
                  Save
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </SettingsSection>
    </Stack>
  );
}
