// Pipeline and rep filters shared by the forecast and the sales metrics.
import { Select } from '@mantine/core';
import { IconTimeline, IconUser } from '@tabler/icons-react';
import { usePipelines } from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';

export interface Scope {
  pipelineId?: string;
  ownerId?: string;
}

export function ScopeFilters({ value, onChange }: { value: Scope; onChange: (patch: Scope) => void }) {
  const { pipelines } = usePipelines();
  const { users } = useUsers();
  return (
    <>
      <Select
        aria-label="Pipeline"
        leftSection={<IconTimeline size={16} />}
        placeholder="All pipelines"
        data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
        value={value.pipelineId ?? null}
        onChange={(id) => onChange({ pipelineId: id ?? undefined })}
        clearable
        w={200}
      />
      <Select
        aria-label="Rep"
        leftSection={<IconUser size={16} />}
        placeholder="Everyone"
        data={users.filter((u) => u.status === 'active' || u.id === value.ownerId).map((u) => ({ value: u.id, label: u.name || u.email }))}
        value={value.ownerId ?? null}
        onChange={(id) => onChange({ ownerId: id ?? undefined })}
        clearable
        searchable
        nothingFoundMessage="No member matches"
        w={200}
      />
    </>
  );
}
