// Asked whenever a deal moves into a won or lost stage: the reason is required (the API refuses the
// move without one). Cancelling means the deal does not move.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCloseReasons, type Stage } from '../../queries/deals.ts';

export interface CloseRequest {
  dealName: string;
  stage: Stage;
}

export function CloseDealModal({
  request,
  onCancel,
  onConfirm,
}: {
  request: CloseRequest | null;
  onCancel: () => void;
  onConfirm: (closeReasonId: string | null, closeNote: string | null) => Promise<void> | void;
}) {
  const reasons = useCloseReasons();
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = request?.stage.type === 'lost' ? 'lost' : 'won';
  const options = (reasons.data ?? []).filter((r) => r.kind === kind);

  useEffect(() => {
    setReasonId(null);
    setNote('');
    setError(null);
  }, [request]);

  const submit = async () => {
    if (!reasonId && options.length > 0) {
      setError(`Pick why this deal was ${kind}`);
      return;
    }
    setSaving(true);
    try {
      await onConfirm(reasonId, note.trim() || null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={request !== null}
      onClose={onCancel}
      title={<Text fw={650}>{kind === 'won' ? 'Close as won' : 'Close as lost'}</Text>}
      centered
      data-testid="close-deal-modal"
    >
      {request && (
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            Moving <b>{request.dealName}</b> to <b>{request.stage.name}</b>. {kind === 'won' ? 'What won it?' : 'Why was it lost?'}
          </Text>
          <Radio.Group
            value={reasonId}
            onChange={(v) => {
              setReasonId(v);
              setError(null);
            }}
            label="Reason"
            withAsterisk
            error={error}
          >
            <Stack gap={8} mt={6}>
              {options.map((r) => (
                <Radio key={r.id} value={r.id} label={r.label} />
              ))}
              {reasons.isPending && <Text fz="sm">Loading reasons…</Text>}
              {!reasons.isPending && options.length === 0 && (
                <Text fz="sm" c="dimmed">
                  No {kind} reasons are set up (Settings → Close reasons).
                </Text>
              )}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Note"
            placeholder="Optional: anything the team should remember"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button color={kind === 'won' ? 'teal' : 'red'} loading={saving} onClick={() => void submit()}>
              {kind === 'won' ? 'Mark as won' : 'Mark as lost'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
