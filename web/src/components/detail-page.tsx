// What every record's page (contact, account, deal, form, campaign) shares: the link back to its
// list, the error shown when the record cannot be loaded, and delete → trash → undo.
import { Alert, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/problem.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { AnchorLink } from './links.tsx';
import { confirmDanger } from './confirm.tsx';
import { showUndo } from './undo.tsx';

export type ListPath = '/contacts' | '/accounts' | '/deals' | '/forms' | '/campaigns';

export function BackLink({ to, label }: { to: ListPath; label: string }) {
  return (
    <AnchorLink to={to} fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} /> {label}
      </Group>
    </AnchorLink>
  );
}

/** The page of a record that could not be loaded (gone, forbidden, offline): the way back and why. */
export function DetailLoadError({ back, what, error }: { back: ReactNode; what: string; error: unknown }) {
  return (
    <Stack>
      {back}
      <Alert color="red" title={`Could not load this ${what}`}>
        {errorMessage(error)}
      </Alert>
    </Stack>
  );
}

export interface TrashOptions {
  /** "contact", "deal", … for the dialog and the notifications. */
  what: string;
  /** The record's name as people read it. */
  name: string;
  /** What deleting does to related records; "You can undo right after deleting." is added. */
  consequences: string;
  remove(): Promise<unknown>;
  restore(): Promise<unknown>;
  /** After the delete: refresh lists, leave the page. */
  afterRemove(): Promise<void> | void;
  /** After an undo: refresh lists, come back to the page. */
  afterRestore(): Promise<void> | void;
}

/** Asks, moves the record to the trash, and offers Undo for ten seconds. */
export async function trashWithUndo(o: TrashOptions): Promise<void> {
  const ok = await confirmDanger({
    title: `Delete ${o.name}?`,
    message: `${o.consequences} You can undo right after deleting.`,
    confirmLabel: `Delete ${o.what}`,
  });
  if (!ok) return;
  try {
    await o.remove();
    await o.afterRemove();
  } catch (e) {
    notifyError(e, 'Could not delete');
    return;
  }
  showUndo({
    title: `${o.name} deleted`,
    message: 'Moved to the trash.',
    onUndo: async () => {
      try {
        await o.restore();
        notifySuccess(`${o.what[0].toUpperCase()}${o.what.slice(1)} restored`, o.name);
        await o.afterRestore();
      } catch (e) {
        notifyError(e, 'Could not restore');
      }
    },
  });
}
