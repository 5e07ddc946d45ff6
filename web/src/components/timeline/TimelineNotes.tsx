// Notes on the timeline: the composer on top of the feed, and a note's row (edit and delete in place,
// with undo). Notes are written through /api/v1/notes; the timeline reads them back as kind `note`.
import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { notifyError } from '../../lib/notify.ts';
import { confirmDanger } from '../confirm.tsx';
import { showUndo } from '../undo.tsx';
import type { TimelineTarget } from './timeline-queries.ts';

/** Notes are also listed by /api/v1/notes elsewhere; keep both fresh. */
function useRefreshNotes(refresh: () => Promise<void>) {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: ['notes'] });
    await refresh();
  };
}

export function NoteComposer({ target, onAdded }: { target: TimelineTarget; onAdded: () => Promise<void> }) {
  const [draft, setDraft] = useState('');
  const refresh = useRefreshNotes(onAdded);
  const add = useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/api/v1/notes', { body: { ...target, body } })),
    onSuccess: () => {
      setDraft('');
      void refresh();
    },
    onError: (e) => notifyError(e, 'Could not add the note'),
  });
  const submit = () => {
    if (draft.trim() && !add.isPending) add.mutate(draft.trim());
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          aria-label="New note"
          placeholder="Write a note: a call summary, next steps, context for your team…"
          autosize
          minRows={2}
          maxRows={10}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
          }}
        />
        <Group justify="space-between">
          <Text fz="xs" c="dimmed">
            Ctrl + Enter to save
          </Text>
          <Button type="submit" size="xs" disabled={!draft.trim()} loading={add.isPending}>
            Add note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NoteBody({ noteId, body, canWrite, onChanged }: { noteId: string; body: string; canWrite: boolean; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(body);
  const refresh = useRefreshNotes(onChanged);

  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/notes/{id}', { params: { path: { id: noteId } }, body: { body: draft.trim() } })),
    onSuccess: () => {
      setEditing(false);
      void refresh();
    },
    onError: (e) => notifyError(e, 'Could not save the note'),
  });

  const remove = async () => {
    const ok = await confirmDanger({ title: 'Delete this note?', message: 'You can undo right after deleting.', confirmLabel: 'Delete note' });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/notes/{id}', { params: { path: { id: noteId } } }));
      void refresh();
      showUndo({
        title: 'Note deleted',
        message: 'The note was removed.',
        onUndo: async () => {
          try {
            await unwrap(api.POST('/api/v1/notes/{id}/restore', { params: { path: { id: noteId } } }));
            void refresh();
          } catch (e) {
            notifyError(e, 'Could not restore the note');
          }
        },
      });
    } catch (e) {
      notifyError(e, 'Could not delete the note');
    }
  };

  if (editing) {
    return (
      <Stack gap="xs">
        <Textarea aria-label="Edit note" autosize minRows={2} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autoFocus />
        <Group gap="xs" justify="flex-end">
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setDraft(body);
              setEditing(false);
            }}
          >
            Cancel
          </Button>
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} disabled={!draft.trim()}>
            Save
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group align="flex-start" gap={4} wrap="nowrap">
      <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="md" style={{ flex: 1, minWidth: 0 }}>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {body}
        </Text>
      </Paper>
      {canWrite && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Note actions">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPencil size={14} />}
              onClick={() => {
                setDraft(body);
                setEditing(true);
              }}
            >
              Edit
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => void remove()}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
