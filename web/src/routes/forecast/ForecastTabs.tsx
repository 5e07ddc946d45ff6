// Forecast ⇄ Sales metrics, keeping the pipeline and rep filters when switching.
import { Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { IconChartBar, IconTarget } from '@tabler/icons-react';
import type { Scope } from './ScopeFilters.tsx';

export function ForecastTabs({ active, scope }: { active: 'forecast' | 'metrics'; scope: Scope }) {
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(v) => void navigate(v === 'metrics' ? { to: '/forecast/metrics', search: scope } : { to: '/forecast', search: scope })}
      mb="md"
    >
      <Tabs.List>
        <Tabs.Tab value="forecast" leftSection={<IconTarget size={16} />}>
          Forecast
        </Tabs.Tab>
        <Tabs.Tab value="metrics" leftSection={<IconChartBar size={16} />}>
          Sales metrics
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
