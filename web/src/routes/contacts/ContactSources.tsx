// Where a contact came from, as HubSpot users expect it: the original source (first touch) in the
// header, and a side card with the first and the latest touch in detail.
import { Card, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { ChannelBadge } from '../../components/ChannelBadge.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { hostOf, pathOf, readTouch, sourceMedium, sourceSummary, touchKindLabel } from '../../components/timeline/timeline-model.ts';
import { useContactSources } from '../../components/timeline/timeline-queries.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';

type Touch = NonNullable<NonNullable<ReturnType<typeof useContactSources>['data']>['first']>;

/** "Original source: Paid Social · q4-launch", next to the contact's email and phone. */
export function OriginalSourceLine({ contactId }: { contactId: string }) {
  const sources = useContactSources(contactId);
  const first = sources.data?.first;
  if (!first) return null;
  const t = readTouch(first);
  return (
    <Tooltip label={`First touch: ${touchKindLabel(t.touchKind).toLowerCase()} on ${formatDateTime(first.occurredAt)}`}>
      <Group gap={4} data-testid="original-source">
        <IconTargetArrow size={14} />
        <Text fz="sm">Original source: {sourceSummary(t)}</Text>
      </Group>
    </Tooltip>
  );
}

export function ContactSourcesCard({ contactId }: { contactId: string }) {
  const sources = useContactSources(contactId);
  const { first, latest } = sources.data ?? { first: null, latest: null };
  return (
    <Card p="lg" data-testid="contact-sources">
      <Text fw={650} mb="md">
        Source
      </Text>
      {sources.isPending ? (
        <Skeleton height={80} />
      ) : !first ? (
        <Text fz="sm" c="dimmed">
          No tracked visits or form submissions yet. Install the tracking snippet (Settings → Sources) or share a form to see
          where contacts come from.
        </Text>
      ) : (
        <Stack gap="md">
          <SourceBlock label="Original source" touch={first} />
          {latest && latest.id !== first.id && <SourceBlock label="Latest source" touch={latest} />}
        </Stack>
      )}
    </Card>
  );
}

function SourceBlock({ label, touch }: { label: string; touch: Touch }) {
  const t = readTouch(touch);
  const referrer = hostOf(t.referrer);
  return (
    <Stack gap={4} data-testid={label === 'Original source' ? 'first-touch' : 'latest-touch'}>
      <Group justify="space-between" gap="xs">
        <Text fz="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4}>
          {label}
        </Text>
        <Tooltip label={formatDateTime(touch.occurredAt)}>
          <Text fz="xs" c="dimmed">
            {formatDate(touch.occurredAt)}
          </Text>
        </Tooltip>
      </Group>
      <Group gap={6}>
        <ChannelBadge channel={t.channel} />
        {t.campaign &&
          (t.campaignId ? (
            <AnchorLink to="/campaigns/$campaignId" params={{ campaignId: t.campaignId }} fz="sm">
              {t.campaign}
            </AnchorLink>
          ) : (
            <Text fz="sm">{t.campaign}</Text>
          ))}
      </Group>
      <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
        {[touchKindLabel(t.touchKind), sourceMedium(t), t.landingPage ? pathOf(t.landingPage) : null, referrer ? `from ${referrer}` : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
