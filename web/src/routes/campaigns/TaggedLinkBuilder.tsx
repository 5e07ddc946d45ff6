// Builds a link tagged for this campaign, so marketers do not hand-type UTM parameters (a typo in
// utm_campaign starts a different campaign). Shows which channel the link will count as, using the
// workspace's own channel rules.
import { Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ChannelBadge } from '../../components/ChannelBadge.tsx';
import { CopyValue } from './CopyValue.tsx';

function buildLink(base: string, params: Record<string, string>): string | null {
  try {
    const url = new URL(base.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    for (const [k, v] of Object.entries(params)) if (v.trim()) url.searchParams.set(k, v.trim());
    return url.toString();
  } catch {
    return null;
  }
}

export function TaggedLinkBuilder({ utmCampaign }: { utmCampaign: string }) {
  const [base, setBase] = useState('');
  const [source, setSource] = useState('');
  const [medium, setMedium] = useState('');
  const [content, setContent] = useState('');
  const link = base.trim()
    ? buildLink(base, { utm_source: source, utm_medium: medium, utm_campaign: utmCampaign, utm_content: content })
    : null;
  const [debounced] = useDebouncedValue(link, 300);
  const channel = useQuery({
    queryKey: ['channel-rules', 'test', debounced],
    queryFn: () => unwrap(api.POST('/api/v1/channel-rules/test', { body: { landingUrl: debounced, referrer: null, kind: 'visit' } })),
    enabled: Boolean(debounced),
  });

  return (
    <Card p="lg">
      <Title order={3} fz="md">
        Tagged link
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        Paste the page you are promoting; visits through this link count for the campaign.
      </Text>
      <Stack gap="sm">
        <TextInput
          label="Page URL"
          placeholder="https://www.example.com/pricing"
          value={base}
          onChange={(e) => setBase(e.currentTarget.value)}
          error={base.trim() && !link ? 'Enter a full URL starting with https://' : null}
        />
        <SimpleGrid cols={3}>
          <TextInput label="Source" placeholder="linkedin" value={source} onChange={(e) => setSource(e.currentTarget.value)} />
          <TextInput label="Medium" placeholder="cpc" value={medium} onChange={(e) => setMedium(e.currentTarget.value)} />
          <TextInput label="Content" placeholder="banner-a" value={content} onChange={(e) => setContent(e.currentTarget.value)} />
        </SimpleGrid>
        {link && (
          <Stack gap={6} p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <CopyValue value={link} label="Copy link" />
            <Group gap={6}>
              <Text fz="xs" c="dimmed">
                Counts as
              </Text>
              {channel.data ? <ChannelBadge channel={channel.data.result.channel} size="xs" /> : <Text fz="xs">…</Text>}
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
