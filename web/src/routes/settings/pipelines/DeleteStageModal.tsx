// Deleting a stage that holds deals: ask where they go (an open stage, or a stage of the same kind).
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Pipeline, Stage } from '../../../queries/deals.ts';
import { plural } from '../../../lib/format.ts';

export function DeleteStageModal({
  target,
  pipelines,
  onCancel,
  onConfirm,
}: {
  target: { stage: Stage; dealCount: number } | null;
  pipelines: Pipeline[];
  onCancel: () => void;
  onConfirm: (moveDealsTo: string | undefined) => Promise<void>;
}) {
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setMoveTo(null);
    setError(null);
  }, [target]);
  if (!target) return <Modal opened={false} onClose={onCancel} />;
  const { stage, dealCount } = target;
  const options = pipelines
    .map((p) => ({
      group: p.name,
      items: p.stages
        .filter((s) => s.id !== stage.id && (s.type === 'open' || s.type === stage.type))
        .map((s) => ({ value: s.id, label: s.name })),
    }))
    .filter((g) => g.items.length > 0);

  const confirm = async () => {
    if (dealCount > 0 && !moveTo) return setError('Pick where the deals go');
    setBusy(true);
    try {
      await onConfirm(moveTo ?? undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onCancel} title={<Text fw={650}>Delete “{stage.name}”?</Text>} centered>
      <Stack gap="md">
        {dealCount > 0 ? (
          <>
            <Text fz="sm">
              {plural(dealCount, 'deal')} {dealCount === 1 ? 'is' : 'are'} in this stage. Where should {dealCount === 1 ? 'it' : 'they'} go?
              Each move is recorded in the deal’s history.
            </Text>
            <Select
              label="Move deals to"
              withAsterisk
              placeholder="Pick a stage"
              data={options}
              value={moveTo}
              onChange={(v) => {
                setMoveTo(v);
                setError(null);
              }}
              error={error}
              data-testid="move-deals-to"
            />
          </>
        ) : (
          <Text fz="sm">No deals are in this stage. Its history stays with the deals that passed through it.</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            Delete stage
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
