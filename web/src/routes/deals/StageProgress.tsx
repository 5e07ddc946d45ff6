// The deal's place in its pipeline: every stage in order, the current one filled. Clicking a stage
// moves the deal there (won and lost ask for the reason first).
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Deal, Pipeline, Stage } from '../../queries/deals.ts';

export function StageProgress({
  deal,
  pipeline,
  canWrite,
  onPick,
}: {
  deal: Deal;
  pipeline: Pipeline;
  canWrite: boolean;
  onPick: (stage: Stage) => void;
}) {
  const currentIndex = pipeline.stages.findIndex((s) => s.id === deal.stageId);
  return (
    <Group gap={4} wrap="nowrap" data-testid="stage-progress" role="list" aria-label="Stages">
      {pipeline.stages.map((s, i) => {
        const current = s.id === deal.stageId;
        const passed = deal.status === 'open' ? i < currentIndex : s.type === 'open';
        const color = current ? (s.type === 'won' ? 'teal' : s.type === 'lost' ? 'red' : 'brand') : passed ? 'brand' : 'gray';
        return (
          <Tooltip key={s.id} label={current ? 'Current stage' : canWrite ? `Move to ${s.name}` : s.name}>
            <UnstyledButton
              role="listitem"
              aria-current={current ? 'step' : undefined}
              disabled={!canWrite || current}
              onClick={() => onPick(s)}
              style={{
                flex: 1,
                minWidth: 0,
                padding: '8px 10px',
                borderRadius: 6,
                textAlign: 'center',
                background:
                  current || passed ? `var(--mantine-color-${color}-${current ? 'filled' : 'light'})` : 'var(--mantine-color-gray-1)',
                color: current ? 'white' : passed ? `var(--mantine-color-${color}-light-color)` : 'var(--mantine-color-dimmed)',
                cursor: canWrite && !current ? 'pointer' : 'default',
              }}
            >
              <Group gap={4} justify="center" wrap="nowrap">
                {passed && !current && <IconCheck size={12} />}
                <Text fz="xs" fw={600} truncate>
                  {s.name}
                </Text>
              </Group>
            </UnstyledButton>
          </Tooltip>
        );
      })}
    </Group>
  );
}
