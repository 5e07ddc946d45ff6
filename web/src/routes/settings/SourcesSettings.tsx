// Settings → Sources: the websites and apps that send events, each with its install tag and write key.
// Counts refresh while the page is open, so "install the tag, then watch events arrive" works.
import { Button, EmptyState, Group, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { requiredText } from '../../lib/validate.ts';
import { usePermissions } from '../../session/session.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { SourceCard, type Source } from './sources/SourceCard.tsx';

const KEY = ['sources'];

export function SourcesSettings() {
  const queryClient = useQueryClient();
  const { role } = usePermissions();
  const canEdit = role === 'admin' || role === 'marketing';
  const sources = useQuery({
    queryKey: KEY,
    queryFn: () => unwrap(api.GET('/api/v1/sources', { params: { query: { limit: 100 } } })).then((r) => r.data),
    // counts move with every event; while events wait for processing, the backlog shrinks visibly
    refetchInterval: (query) => (query.state.data?.some((s) => s.processing.waitingEvents > 0) ? 2_000 : 10_000),
  });
  // null: closed; 'new': creating; a source: renaming it
  const [editing, setEditing] = useState<Source | 'new' | null>(null);
  const form = useForm({ initialValues: { name: '' }, validate: { name: requiredText('Name') } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });

  const open = (target: Source | 'new') => {
    form.setValues({ name: target === 'new' ? '' : target.name });
    form.resetDirty();
    setEditing(target);
  };
  const save = useMutation({
    mutationFn: ({ name }: { name: string }) =>
      editing === 'new' || editing === null
        ? unwrap(api.POST('/api/v1/sources', { body: { name: name.trim() } }))
        : unwrap(api.PATCH('/api/v1/sources/{id}', { params: { path: { id: editing.id } }, body: { name: name.trim() } })),
    onSuccess: (s) => {
      notifySuccess(
        editing === 'new' ? 'Source created' : 'Source renamed',
        editing === 'new' ? 'Copy its install tag into your website.' : s.name,
      );
      setEditing(null);
      void refresh();
    },
    onError: (e) => showApiErrors(form, e, 'Could not save the source'),
  });

  const rotate = async (s: Source) => {
    const ok = await confirmDanger({
      title: `Rotate the write key of "${s.name}"?`,
      message: 'The current key stops working at once: websites and libraries using it must get the new one.',
      confirmLabel: 'Rotate key',
    });
    if (!ok) return;
    try {
      await unwrap(api.POST('/api/v1/sources/{id}/rotate-key', { params: { path: { id: s.id } } }));
      notifySuccess('Write key rotated', 'Update the install tag on your website.');
      void refresh();
    } catch (e) {
      notifyError(e, 'Could not rotate the key');
    }
  };
  const remove = async (s: Source) => {
    const ok = await confirmDanger({
      title: `Delete "${s.name}"?`,
      message: 'Its write key stops working and new events from it are refused. The events it already sent are kept.',
      confirmLabel: 'Delete source',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/sources/{id}', { params: { path: { id: s.id } } }));
      notifySuccess('Source deleted', s.name);
      void refresh();
    } catch (e) {
      notifyError(e, 'Could not delete the source');
    }
  };

  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => open('new')}>
      Add source
    </Button>
  );
  const list = sources.data ?? [];
  return (
    <>
      <SettingsSection
        title="Sources"
        description="Websites and apps that send events to Tandem: page views, sign-ups, anything you track. Each source has its own write key; Segment's libraries work with it unchanged."
        action={addButton}
      >
        {sources.error ? (
          <QueryError error={sources.error} title="Could not load sources" />
        ) : sources.isPending ? (
          <Stack>
            <Skeleton height={180} radius="md" />
            <Skeleton height={180} radius="md" />
          </Stack>
        ) : list.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconPlugConnected size={22} />}
            withIndicatorBackground
            title="No sources yet"
            description={
              canEdit
                ? 'Add your website to get its install tag: one line in the page head, and visits start showing up on contacts.'
                : 'An admin or marketer can add your website here.'
            }
          >
            {addButton}
          </EmptyState>
        ) : (
          <Stack gap="md" data-testid="sources-list">
            {list.map((s) => (
              <SourceCard
                key={s.id}
                source={s}
                canEdit={canEdit}
                onRename={() => open(s)}
                onRotate={() => void rotate(s)}
                onDelete={() => void remove(s)}
              />
            ))}
          </Stack>
        )}
      </SettingsSection>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={<Text fw={650}>{editing === 'new' ? 'Add a source' : 'Rename source'}</Text>}
      >
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack>
            <TextInput
              label="Name"
              placeholder="e.g. Website, Mobile app, Billing backend"
              description="Shown with every event it sends."
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                {editing === 'new' ? 'Create source' : 'Save'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
