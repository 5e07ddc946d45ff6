// "Test a URL": classifies a sample landing URL and referrer with the rules as they stand in the
// editor (saved or not), and says which rule matched.
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client.ts';
import { ChannelBadge } from '../../../components/ChannelBadge.tsx';
import { notifyError } from '../../../lib/notify.ts';
import type { ChannelRule } from './rule-text.ts';

type Kind = Schemas['ChannelRuleTest']['kind'];
type Result = Schemas['ChannelRuleTestResult'];

const isUrlish = (v: string) => !v.trim() || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v.trim());

export function ChannelRuleTester({ rules, onResult }: { rules: ChannelRule[]; onResult: (matched: number | null) => void }) {
  const [landingUrl, setLandingUrl] = useState('');
  const [referrer, setReferrer] = useState('');
  const [kind, setKind] = useState<Kind>('visit');
  const [result, setResult] = useState<Result | null>(null);
  const test = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/channel-rules/test', {
          body: { landingUrl: landingUrl.trim() || null, referrer: referrer.trim() || null, kind, rules },
        }),
      ),
    onSuccess: (r) => {
      setResult(r);
      onResult(r.matchedRule?.position ?? null);
    },
    onError: (e) => notifyError(e, 'Could not test'),
  });
  const invalid = !isUrlish(landingUrl) || !isUrlish(referrer);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Landing URL"
          placeholder="https://www.example.com/?utm_source=linkedin&utm_medium=cpc"
          value={landingUrl}
          onChange={(e) => setLandingUrl(e.currentTarget.value)}
          error={!isUrlish(landingUrl) ? 'Enter a full URL' : null}
        />
        <TextInput
          label="Referrer"
          placeholder="https://www.google.com/"
          value={referrer}
          onChange={(e) => setReferrer(e.currentTarget.value)}
          error={!isUrlish(referrer) ? 'Enter a full URL' : null}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Touch kind"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'visit', label: 'Visit' },
            { value: 'form', label: 'Form fill' },
            { value: 'email_click', label: 'Email click' },
            { value: 'ad_click', label: 'Ad click' },
          ]}
        />
        <Button
          variant="light"
          leftSection={<IconPlayerPlay size={14} />}
          loading={test.isPending}
          disabled={invalid || (!landingUrl.trim() && !referrer.trim())}
          onClick={() => test.mutate()}
        >
          Test
        </Button>
      </Group>
      {result && (
        <Paper p="sm" bg="var(--mantine-color-gray-0)" data-testid="channel-test-result">
          <Group gap="sm" mb={6}>
            <Text fz="sm" fw={500}>
              Channel
            </Text>
            <ChannelBadge channel={result.result.channel} size="md" />
            <Text fz="sm" c="dimmed">
              {result.matchedRule ? `rule ${result.matchedRule.position + 1} matched` : 'no rule matched: the fallback channel applies'}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed" ff="monospace">
            {Object.entries(result.fields)
              .filter(([, v]) => v !== null)
              .map(([k, v]) => `${k}=${v}`)
              .join('  ') || 'no source, medium or referrer'}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
