// Notes on a contact or account, shown as a timeline (newest first) with a composer on top.
// Later activity types (emails, deals, visits) join this same timeline.
import { ActionIcon, Avatar, Button, Group, Menu, Paper, Skeleton, Stack, Text, Textarea, Timeline, Tooltip } from '@mantine/core';
import { EmptyState } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconNote, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Note } from '../api/client.ts';
import { notesKey, useNotes, type NoteTarget } from '../queries/notes.ts';
import { formatDateTime, fromNow, initials } from '../lib/format.ts';
import { notifyError } from '../lib/notify.ts';
import { confirmDanger } from './confirm.tsx';
import { showUndo } from './undo.tsx';

export function NotesTimeline({ target, canWrite }: { target: NoteTarget; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const notes = useNotes(target);
  const [draft, setDraft] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: notesKey(target) });

  const add = useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/api/v1/notes', { body: { ...target, body } })),
    onSuccess: () => {
      setDraft('');
      void refresh();
    },
    onError: (e) => notifyError(e, 'Could not add the note'),
  });

  const items = notes.data?.data ?? [];
  return (
    <Stack gap="lg">
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) add.mutate(draft.trim());
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
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && draft.trim()) add.mutate(draft.trim());
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
      )}

      {notes.isPending ? (
        <Stack gap="md">
          {[0, 1].map((i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <Skeleton circle height={28} />
              <Stack gap={6} style={{ flex: 1 }}>
                <Skeleton height={10} width="30%" />
                <Skeleton height={10} width="90%" />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          size="sm"
          py="lg"
          icon={<IconNote size={22} stroke={1.5} />}
          withIndicatorBackground
          title="Nothing on the timeline yet"
          description="Notes your team adds appear here, newest first."
          data-testid="timeline-empty"
        />
      ) : (
        <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
          {items.map((note) => (
            <Timeline.Item
              key={note.id}
              bullet={
                <Avatar size={28} radius="xl" color="brand">
                  {initials(note.author?.name ?? '?')}
                </Avatar>
              }
            >
              <NoteItem note={note} canWrite={canWrite} onChanged={refresh} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

function NoteItem({
  note,
  canWrite,
  onChanged,
}: {
  note: Note;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);

  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/notes/{id}', { params: { path: { id: note.id } }, body: { body: body.trim() } })),
    onSuccess: () => {
      setEditing(false);
      void onChanged();
    },
    onError: (e) => notifyError(e, 'Could not save the note'),
  });

  const remove = async () => {
    const ok = await confirmDanger({
      title: 'Delete this note?',
      message: 'You can undo right after deleting.',
      confirmLabel: 'Delete note',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/notes/{id}', { params: { path: { id: note.id } } }));
      void onChanged();
      showUndo({
        title: 'Note deleted',
        message: 'The note was removed.',
        onUndo: async () => {
          try {
            await unwrap(api.POST('/api/v1/notes/{id}/restore', { params: { path: { id: note.id } } }));
            void onChanged();
          } catch (e) {
            notifyError(e, 'Could not restore the note');
          }
        },
      });
    } catch (e) {
      notifyError(e, 'Could not delete the note');
    }
  };

  const edited = note.updatedAt !== note.createdAt;
  return (
    <Stack gap={4} pl={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8}>
          <Text fz="sm" fw={600}>
            {note.author?.name ?? 'Someone'}
          </Text>
          <Text fz="xs" c="dimmed">
            added a note
          </Text>
          <Tooltip label={formatDateTime(note.createdAt)}>
            <Text fz="xs" c="dimmed">
              · {fromNow(note.createdAt)}
              {edited ? ' · edited' : ''}
            </Text>
          </Tooltip>
        </Group>
        {canWrite && !editing && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Note actions">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                Edit
              </Menu.Item>
              <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => void remove()}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {editing ? (
        <Stack gap="xs">
          <Textarea aria-label="Edit note" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} autoFocus />
          <Group gap="xs" justify="flex-end">
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setBody(note.body);
                setEditing(false);
              }}
            >
              Cancel
            </Button>
            <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} disabled={!body.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      ) : (
        <Paper withBorder={false} bg="var(--mantine-color-gray-0)" p="sm" radius="md">
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {note.body}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
