// The small forms of the pipeline settings: a new pipeline (named; it starts with the default stages)
// and a new stage at the end of a pipeline.
import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import type { Pipeline, Stage } from '../../../queries/deals.ts';
import { notifyError } from '../../../lib/notify.ts';
import { STAGE_TYPES } from './StageRow.tsx';

export function NewPipelineModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (p: Pipeline) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (!name.trim()) return setError('Name the pipeline');
    setBusy(true);
    try {
      const p = await unwrap(api.POST('/api/v1/pipelines', { body: { name: name.trim() } }));
      setName('');
      onCreated(p);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors[0]) setError(e.fieldErrors[0].message);
      else notifyError(e, 'Could not create the pipeline');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>New pipeline</Text>} centered>
      <Stack>
        <TextInput
          label="Name"
          withAsterisk
          placeholder="e.g. Renewals"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          onKeyDown={(e) => e.key === 'Enter' && void create()}
        />
        <Text fz="sm" c="dimmed">
          It starts with the usual stages (Qualification → Closed won / Closed lost); rename or change them next.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => void create()}>
            Create pipeline
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AddStage({ pipelineId, onAdded }: { pipelineId: string; onAdded: (p: Pipeline) => void }) {
  const [name, setName] = useState('');
  const [probability, setProbability] = useState<number | string>(50);
  const [type, setType] = useState<Stage['type']>('open');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!name.trim()) return setError('Name the stage');
    try {
      const p = await unwrap(
        api.POST('/api/v1/pipelines/{id}/stages', {
          params: { path: { id: pipelineId } },
          body: { name: name.trim(), probability: Number(probability), type },
        }),
      );
      setName('');
      setError(null);
      onAdded(p);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors[0]) setError(e.fieldErrors[0].message);
      else notifyError(e, 'Could not add the stage');
    }
  };
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" pl={44}>
      <TextInput
        aria-label="New stage name"
        placeholder="New stage name"
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        style={{ flex: 1 }}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
      />
      <NumberInput
        aria-label="New stage probability"
        value={probability}
        onChange={setProbability}
        min={0}
        max={100}
        allowDecimal={false}
        suffix="%"
        w={90}
      />
      <Select
        aria-label="New stage type"
        data={STAGE_TYPES}
        value={type}
        onChange={(v) => v && setType(v as Stage['type'])}
        allowDeselect={false}
        w={100}
      />
      <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => void add()}>
        Add stage
      </Button>
    </Group>
  );
}
