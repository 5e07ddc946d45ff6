// The page of a contact that was merged into another: the API's 404 names the survivor
// (`mergedIntoId`), so the old URL says where the person's record and history went.
import { Alert, Group, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { ApiError } from '../../api/problem.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useContact } from '../../queries/contacts.ts';
import { personName } from '../../lib/format.ts';

/** The survivor's id when `error` is the 404 of a merged contact. */
export function mergedIntoId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 404) return null;
  const id = (error.problem as unknown as Record<string, unknown>).mergedIntoId;
  return typeof id === 'string' ? id : null;
}

export function MergedContactNotice({ survivorId }: { survivorId: string }) {
  const survivor = useContact(survivorId);
  const name = survivor.data ? personName(survivor.data) : 'another contact';
  return (
    <Alert color="blue" variant="light" icon={<IconGitMerge size={18} />} title="This contact was merged" data-testid="merged-notice">
      <Group gap={4}>
        <Text fz="sm">It is now part of</Text>
        <AnchorLink to="/contacts/$contactId" params={{ contactId: survivorId }} fz="sm" fw={600}>
          {name}
        </AnchorLink>
        <Text fz="sm">, with all of its history.</Text>
      </Group>
    </Alert>
  );
}
