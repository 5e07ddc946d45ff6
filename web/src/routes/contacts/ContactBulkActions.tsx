// What the list's selection can do: tag, untag, export, delete (with Undo). Acts on the selected ids,
// or on every match of the current search when "select all N matching" is on.
import { ActionBar, Button, Group, Modal, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconTagMinus, IconTagPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, apiUrl, unwrap } from '../../api/client.ts';
import { useContactTags } from '../../queries/contacts.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { showUndo } from '../../components/undo.tsx';
import type { ListFilters } from '../../lib/list-search.ts';
import { plural } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';

export type BulkTarget = { ids: string[] } | { where: { q?: string; filter?: ListFilters } };
type BulkAction = 'addTags' | 'removeTags' | 'delete' | 'restore';

async function runBulk(action: BulkAction, target: BulkTarget | { deletedAt: string }, tags?: string[]) {
  return unwrap(await api.POST('/api/v1/contacts/bulk', { body: { action, ...target, ...(tags ? { tags } : {}) } }));
}

export function ContactBulkActions({
  count,
  target,
  onClose,
  canWrite,
}: {
  count: number;
  target: BulkTarget | null;
  onClose: () => void;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const [tagMode, setTagMode] = useState<'addTags' | 'removeTags' | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const tagSuggestions = useContactTags();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['contacts'] });

  const tagMutation = useMutation({
    mutationFn: (v: { action: 'addTags' | 'removeTags'; tags: string[] }) => runBulk(v.action, target!, v.tags),
    onSuccess: (r, v) => {
      void refresh();
      notifySuccess(v.action === 'addTags' ? 'Tags added' : 'Tags removed', `${plural(r.affected, 'contact')} updated.`);
      setTagMode(null);
      setTags([]);
      onClose();
    },
    onError: (e) => notifyError(e, 'Could not update tags'),
  });

  const undoDelete = async (deleted: BulkTarget, deletedAt: string | undefined) => {
    // deletedAt names exactly this delete: contacts deleted earlier stay in the trash
    try {
      const r = await runBulk('restore', deletedAt ? { deletedAt } : deleted);
      void refresh();
      notifySuccess(
        'Contacts restored',
        r.skipped
          ? `${plural(r.affected, 'contact')} restored; ${r.skipped} could not be (email now in use).`
          : `${plural(r.affected, 'contact')} restored.`,
      );
    } catch (e) {
      notifyError(e, 'Could not restore');
    }
  };

  const remove = async () => {
    if (!target) return;
    const ok = await confirmDanger({
      title: `Delete ${plural(count, 'contact')}?`,
      message: 'They move to the trash. You can undo right after deleting.',
      confirmLabel: `Delete ${plural(count, 'contact')}`,
    });
    if (!ok) return;
    try {
      const deleted = target;
      const r = await runBulk('delete', deleted);
      onClose();
      void refresh();
      showUndo({
        title: `${plural(r.affected, 'contact')} deleted`,
        message: 'Moved to the trash.',
        onUndo: () => undoDelete(deleted, r.deletedAt),
      });
    } catch (e) {
      notifyError(e, 'Could not delete');
    }
  };

  const exportHref = target
    ? apiUrl(
        '/api/v1/contacts/export',
        'ids' in target ? { filter: { id: { in: target.ids.join(',') } } } : { q: target.where.q, filter: target.where.filter },
      )
    : '#';

  return (
    <>
      <ActionBar opened={count > 0} onClose={onClose} aria-label="Bulk actions" data-testid="bulk-actions" closeOnEscape>
        <Text fz="sm" fw={600} px="xs" style={{ whiteSpace: 'nowrap' }}>
          {plural(count, 'contact')} selected
        </Text>
        <ActionBar.Divider />
        {canWrite && (
          <>
            <Button variant="subtle" size="compact-md" leftSection={<IconTagPlus size={16} />} onClick={() => setTagMode('addTags')}>
              Add tag
            </Button>
            <Button variant="subtle" size="compact-md" leftSection={<IconTagMinus size={16} />} onClick={() => setTagMode('removeTags')}>
              Remove tag
            </Button>
          </>
        )}
        <Button variant="subtle" size="compact-md" leftSection={<IconDownload size={16} />} component="a" href={exportHref} download>
          Export CSV
        </Button>
        {canWrite && (
          <Button variant="subtle" color="red" size="compact-md" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>
            Delete
          </Button>
        )}
        <ActionBar.Divider />
        <ActionBar.CloseButton aria-label="Clear selection" />
      </ActionBar>

      <Modal
        opened={tagMode !== null}
        onClose={() => setTagMode(null)}
        title={tagMode === 'addTags' ? `Add tags to ${plural(count, 'contact')}` : `Remove tags from ${plural(count, 'contact')}`}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (tagMode && tags.length) tagMutation.mutate({ action: tagMode, tags });
          }}
        >
          <Stack>
            <TagsInput
              label="Tags"
              placeholder="Type a tag and press Enter"
              data={tagSuggestions.data ?? []}
              value={tags}
              onChange={setTags}
              data-autofocus
              acceptValueOnBlur
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTagMode(null)}>
                Cancel
              </Button>
              <Button type="submit" disabled={tags.length === 0} loading={tagMutation.isPending}>
                {tagMode === 'addTags' ? 'Add tags' : 'Remove tags'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
