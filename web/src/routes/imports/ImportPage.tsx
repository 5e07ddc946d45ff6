// The import wizard: upload → map columns → (deals: match stages and owners) → review → run with live
// progress. The import id lives in the URL (`/import?id=…`), so a reload or a shared link comes back to
// the same step.
import { Alert, Center, Loader, Stack, Stepper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { UploadStep } from './UploadStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { RunStep } from './RunStep.tsx';
import { RecentImports } from './RecentImports.tsx';
import { ValuesStep, type DealChoices } from './ValuesStep.tsx';

const route = getRouteApi('/app/import');
const ACTIVE = ['queued', 'running'];

export function ImportPage() {
  const { id, objectType } = route.useSearch();
  const navigate = useNavigate({ from: '/import' });
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [phase, setPhase] = useState<'mapping' | 'values' | 'review'>('mapping');
  const [choices, setChoices] = useState<DealChoices>({ stages: {}, owners: {} });

  const imp = useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 700 : false),
  });

  const restart = () => {
    setMapping(null);
    setPhase('mapping');
    setChoices({ stages: {}, owners: {} });
    void navigate({ search: objectType ? { objectType } : {} });
  };

  const data = id ? imp.data : undefined;
  const deals = (data?.objectType ?? objectType) === 'deal';
  const steps = deals ? (['upload', 'mapping', 'values', 'review', 'run'] as const) : (['upload', 'mapping', 'review', 'run'] as const);
  const current = !id || !data ? 'upload' : data.status === 'uploaded' ? (phase === 'values' && !deals ? 'review' : phase) : 'run';
  const step = (steps as readonly string[]).indexOf(current);
  const currentMapping = mapping ?? data?.mapping ?? data?.suggestedMapping ?? {};

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring contacts, accounts or deals in from a CSV file. Contacts and accounts are matched and updated, never duplicated; each deal row creates a deal."
      />
      <Stack gap="xl">
        <Stepper
          active={data?.status === 'completed' ? steps.length : step}
          size="sm"
          allowNextStepsSelect={false}
          onStepClick={(s) => current !== 'run' && s > 0 && s < step && setPhase(steps[s] as 'mapping' | 'values')}
        >
          <Stepper.Step label="Upload" description="Choose a CSV file" />
          <Stepper.Step label="Map columns" description="Match them to fields" />
          {deals && <Stepper.Step label="Match values" description="Stages and owners" />}
          <Stepper.Step label="Review" description="Check what happens" />
          <Stepper.Step label="Import" description="Run and follow progress" />
        </Stepper>

        {id && imp.isPending ? (
          <Center py="xl">
            <Loader type="dots" />
          </Center>
        ) : id && imp.error ? (
          <Alert color="red" title="Could not load this import">
            {errorMessage(imp.error)}
          </Alert>
        ) : current === 'upload' ? (
          <>
            <UploadStep
              initialObjectType={objectType ?? 'contact'}
              onUploaded={(uploaded) => {
                setMapping(uploaded.suggestedMapping);
                void navigate({ search: { objectType: uploaded.objectType, id: uploaded.id } });
              }}
            />
            <RecentImports />
          </>
        ) : current === 'mapping' && data ? (
          <MappingStep
            imp={data}
            mapping={currentMapping}
            onChange={setMapping}
            onBack={restart}
            onNext={() => setPhase(deals ? 'values' : 'review')}
            nextLabel={deals ? 'Continue to stages and owners' : undefined}
          />
        ) : current === 'values' && data ? (
          <ValuesStep
            imp={data}
            mapping={currentMapping}
            choices={choices}
            onChange={setChoices}
            onBack={() => setPhase('mapping')}
            onNext={() => setPhase('review')}
          />
        ) : current === 'review' && data ? (
          <ReviewStep
            imp={data}
            mapping={currentMapping}
            deal={deals ? choices : undefined}
            onBack={() => setPhase(deals ? 'values' : 'mapping')}
          />
        ) : data ? (
          <RunStep imp={data} onAnother={restart} />
        ) : null}
      </Stack>
    </>
  );
}
