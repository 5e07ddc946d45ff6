// The import wizard: upload → map columns → review → run with live progress. The import id lives in
// the URL (`/import?id=…`), so a reload or a shared link comes back to the same step.
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

const route = getRouteApi('/app/import');
const ACTIVE = ['queued', 'running'];

export function ImportPage() {
  const { id, objectType } = route.useSearch();
  const navigate = useNavigate({ from: '/import' });
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [reviewing, setReviewing] = useState(false);

  const imp = useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 700 : false),
  });

  const restart = () => {
    setMapping(null);
    setReviewing(false);
    void navigate({ search: objectType ? { objectType } : {} });
  };

  const data = id ? imp.data : undefined;
  const step = !id ? 0 : !data ? 0 : data.status === 'uploaded' ? (reviewing ? 2 : 1) : 3;
  const currentMapping = mapping ?? data?.mapping ?? data?.suggestedMapping ?? {};

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring contacts or accounts in from a CSV file. Existing records are matched and updated, never duplicated."
      />
      <Stack gap="xl">
        <Stepper
          active={data?.status === 'completed' ? 4 : step}
          size="sm"
          allowNextStepsSelect={false}
          onStepClick={(s) => s === 1 && step === 2 && setReviewing(false)}
        >
          <Stepper.Step label="Upload" description="Choose a CSV file" />
          <Stepper.Step label="Map columns" description="Match them to fields" />
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
        ) : step === 0 ? (
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
        ) : step === 1 && data ? (
          <MappingStep imp={data} mapping={currentMapping} onChange={setMapping} onBack={restart} onNext={() => setReviewing(true)} />
        ) : step === 2 && data ? (
          <ReviewStep imp={data} mapping={currentMapping} onBack={() => setReviewing(false)} />
        ) : data ? (
          <RunStep imp={data} onAnother={restart} />
        ) : null}
      </Stack>
    </>
  );
}
