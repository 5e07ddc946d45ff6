import { Button, Group, Paper, Progress, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconBuilding, IconFileSpreadsheet, IconTargetArrow, IconUpload, IconUsers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Import } from '../../api/client.ts';
import { usePermissions } from '../../session/session.ts';
import { formatBytes } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { uploadCsv } from './upload-csv.ts';

// by extension too: some systems report .csv files with an empty or spreadsheet MIME type
const CSV_TYPES = {
  'text/csv': ['.csv'],
  'application/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.txt'],
};

export function UploadStep({
  initialObjectType,
  onUploaded,
}: {
  initialObjectType: Import['objectType'];
  onUploaded: (imp: Import) => void;
}) {
  const [objectType, setObjectType] = useState<Import['objectType']>(initialObjectType);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const { canWrite } = usePermissions();

  const upload = async (f: File) => {
    setFile(f);
    setProgress(0);
    try {
      const imp = await uploadCsv(f, objectType, setProgress);
      onUploaded(imp);
    } catch (e) {
      notifyError(e, 'Upload failed');
      setProgress(null);
      setFile(null);
    }
  };

  if (!canWrite) {
    return (
      <Paper p="xl">
        <Text c="dimmed">Your role can view imports but not run them. Ask an admin for the Marketing or Sales role.</Text>
      </Paper>
    );
  }

  return (
    <Paper p="xl">
      <Stack gap="lg">
        <Stack gap={6}>
          <Text fw={600}>What does the file contain?</Text>
          <SegmentedControl
            aria-label="Import type"
            value={objectType}
            onChange={(v) => setObjectType(v as Import['objectType'])}
            disabled={progress !== null}
            data={[
              {
                value: 'contact',
                label: (
                  <Group gap={6} justify="center" wrap="nowrap">
                    <IconUsers size={16} /> Contacts
                  </Group>
                ),
              },
              {
                value: 'account',
                label: (
                  <Group gap={6} justify="center" wrap="nowrap">
                    <IconBuilding size={16} /> Accounts
                  </Group>
                ),
              },
              {
                value: 'deal',
                label: (
                  <Group gap={6} justify="center" wrap="nowrap">
                    <IconTargetArrow size={16} /> Deals
                  </Group>
                ),
              },
            ]}
            w={440}
          />
          <Text fz="sm" c="dimmed">
            {objectType === 'contact'
              ? 'People are matched by email: a known email updates that contact, a new one creates a contact.'
              : objectType === 'account'
                ? 'Companies are matched by domain: a known domain updates that account, a new one creates an account.'
                : 'Bring a pipeline from another CRM: each row creates a deal, with its stage, owner, company and its own created and close dates (so win rates and cycle lengths stay right). Deals are not matched: importing the same file twice creates its deals twice.'}
          </Text>
        </Stack>

        {progress !== null && file ? (
          <Paper p="lg" bg="var(--mantine-color-gray-0)" withBorder={false}>
            <Group gap="md" wrap="nowrap">
              <ThemeIcon size={44} variant="light" radius="md">
                <IconFileSpreadsheet size={24} />
              </ThemeIcon>
              <Stack gap={6} style={{ flex: 1 }}>
                <Group justify="space-between">
                  <Text fw={600} fz="sm">
                    {file.name}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Reading columns…'} · {formatBytes(file.size)}
                  </Text>
                </Group>
                <Progress value={progress * 100} animated={progress >= 1} aria-label="Upload progress" />
              </Stack>
            </Group>
          </Paper>
        ) : (
          <Dropzone
            onDrop={(files) => files[0] && void upload(files[0])}
            onReject={() => notifyError(new Error('Choose a .csv file.'), 'This file cannot be imported')}
            accept={CSV_TYPES}
            multiple={false}
            maxSize={Number.MAX_SAFE_INTEGER}
            data-testid="import-dropzone"
            aria-label="CSV file"
          >
            <Stack align="center" gap="sm" py={48} style={{ pointerEvents: 'none' }}>
              <Dropzone.Accept>
                <IconUpload size={44} stroke={1.4} color="var(--mantine-color-brand-6)" />
              </Dropzone.Accept>
              <Dropzone.Reject>
                <IconX size={44} stroke={1.4} color="var(--mantine-color-red-6)" />
              </Dropzone.Reject>
              <Dropzone.Idle>
                <IconFileSpreadsheet size={44} stroke={1.4} color="var(--mantine-color-dimmed)" />
              </Dropzone.Idle>
              <Text fw={600}>Drag a CSV file here, or click to choose one</Text>
              <Text fz="sm" c="dimmed" ta="center" maw={460}>
                First line = column names. Exports from HubSpot and Salesforce are recognised automatically. No size limit: large files
                stream in the background.
              </Text>
              <Button variant="light" size="xs" mt={4}>
                Choose file
              </Button>
            </Stack>
          </Dropzone>
        )}
      </Stack>
    </Paper>
  );
}
