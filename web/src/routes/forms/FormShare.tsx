// Where a form can live: its hosted page, and the two lines of HTML that embed it on any site.
import { ActionIcon, Button, Card, Code, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import type { Form } from '../../queries/forms.ts';

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

export function embedSnippet(origin: string, formId: string): string {
  return `<div data-tandem-form="${formId}"></div>\n<script src="${origin}/forms/embed.js" async></script>`;
}

export function FormShare({ form }: { form: Form }) {
  const origin = window.location.origin;
  const hosted = `${origin}/f/${form.id}`;
  const embed = embedSnippet(origin, form.id);
  return (
    <Stack gap="lg">
      <Card p="lg">
        <Text fw={650}>Hosted page</Text>
        <Text fz="sm" c="dimmed" mb="md">
          A page Tandem serves for this form: share it in emails, ads and social posts. Add UTM parameters to credit the campaign.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <TextInput value={hosted} readOnly style={{ flex: 1 }} aria-label="Hosted form link" onFocus={(e) => e.currentTarget.select()} />
          <CopyIcon value={hosted} label="Copy link" />
          <Button component="a" href={hosted} target="_blank" rel="noopener" variant="default" leftSection={<IconExternalLink size={16} />}>
            Open
          </Button>
        </Group>
      </Card>
      <Card p="lg">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={650}>Embed on your website</Text>
            <Text fz="sm" c="dimmed" mb="md">
              Paste where the form should appear. It takes your page's styles, shows errors next to each field, and links the visit to the
              contact when the Tandem tracking snippet is on the page.
            </Text>
          </div>
          <CopyButton value={embed} timeout={1500}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} color={copied ? 'teal' : undefined}>
                {copied ? 'Copied' : 'Copy code'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Code block data-testid="embed-code" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {embed}
        </Code>
      </Card>
    </Stack>
  );
}
