// Settings → Close reasons: the lists a rep picks from when a deal is won or lost. Removing a reason
// stops offering it; deals closed with it keep it.
import { ActionIcon, Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import { useCloseReasons, type CloseReason } from '../../queries/deals.ts';
import { usePermissions } from '../../session/session.ts';
import { notifyError } from '../../lib/notify.ts';
import { SettingsSection } from './SettingsSection.tsx';

function ReasonRow({ reason, canEdit, onChanged }: { reason: CloseReason; canEdit: boolean; onChanged: () => void }) {
  const [label, setLabel] = useState(reason.label);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setLabel(reason.label), [reason.label]);
  const save = async () => {
    const v = label.trim();
    if (v === reason.label) return setError(null);
    if (!v) return setError('Write a reason');
    try {
      await unwrap(api.PATCH('/api/v1/close-reasons/{id}', { params: { path: { id: reason.id } }, body: { label: v } }));
      setError(null);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors[0]) setError(e.fieldErrors[0].message);
      else notifyError(e, 'Could not save the reason');
    }
  };
  const remove = async () => {
    try {
      await unwrap(api.DELETE('/api/v1/close-reasons/{id}', { params: { path: { id: reason.id } } }));
      onChanged();
    } catch (e) {
      notifyError(e, 'Could not remove the reason');
    }
  };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        aria-label="Reason"
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        error={error}
        disabled={!canEdit}
        style={{ flex: 1 }}
        maxLength={100}
      />
      {canEdit && (
        <Tooltip label="Stop offering this reason">
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${reason.label}`} onClick={() => void remove()} mt={4}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

function ReasonList({
  kind,
  reasons,
  canEdit,
  onChanged,
}: {
  kind: 'won' | 'lost';
  reasons: CloseReason[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!draft.trim()) return setError('Write a reason');
    try {
      await unwrap(api.POST('/api/v1/close-reasons', { body: { kind, label: draft.trim() } }));
      setDraft('');
      setError(null);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors[0]) setError(e.fieldErrors[0].message);
      else notifyError(e, 'Could not add the reason');
    }
  };
  return (
    <Stack gap="xs" data-testid={`${kind}-reasons`}>
      <Text fw={650} c={kind === 'won' ? 'teal' : 'red'}>
        {kind === 'won' ? 'Why deals are won' : 'Why deals are lost'}
      </Text>
      {reasons.length === 0 && (
        <Text fz="sm" c="dimmed">
          None: closing a deal as {kind} will not ask for a reason.
        </Text>
      )}
      {reasons.map((r) => (
        <ReasonRow key={r.id} reason={r} canEdit={canEdit} onChanged={onChanged} />
      ))}
      {canEdit && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`New ${kind} reason`}
            placeholder={`Add a ${kind} reason`}
            value={draft}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setError(null);
            }}
            onKeyDown={(e) => e.key === 'Enter' && void add()}
            error={error}
            style={{ flex: 1 }}
            maxLength={100}
          />
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => void add()}>
            Add
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function CloseReasonsSettings() {
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const reasons = useCloseReasons();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['close-reasons'] });
  return (
    <SettingsSection
      title="Close reasons"
      description="What reps pick when a deal is won or lost. The reasons show up in win/loss reports."
    >
      {reasons.error ? (
        <Alert color="red">{errorMessage(reasons.error)}</Alert>
      ) : !reasons.data ? (
        <Skeleton height={200} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <ReasonList kind="won" reasons={reasons.data.filter((r) => r.kind === 'won')} canEdit={isAdmin} onChanged={refresh} />
          <ReasonList kind="lost" reasons={reasons.data.filter((r) => r.kind === 'lost')} canEdit={isAdmin} onChanged={refresh} />
        </SimpleGrid>
      )}
    </SettingsSection>
  );
}
