// One timeline row per kind: a visit with its pages, a touch, a form submission with its answers, an
// identify call, another tracked event, a note; any other kind (activities, stage changes, what later
// issues add) gets a generic row from its title, so new kinds never break the page.
import { Anchor, Avatar, Badge, Button, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconActivity, IconBolt, IconForms, IconPoint, IconTargetArrow, IconUserCheck, IconWorldWww } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useFormDetail } from '../../queries/forms.ts';
import { formatDateTime, initials } from '../../lib/format.ts';
import { ChannelBadge } from '../ChannelBadge.tsx';
import { AnchorLink } from '../links.tsx';
import { NoteBody } from './TimelineNotes.tsx';
import {
  formOf,
  formatDuration,
  hostOf,
  humanize,
  kindLabel,
  pathOf,
  readEvent,
  readIdentify,
  readNote,
  readSession,
  sourceMedium,
  summarizeValues,
  touchKindLabel,
  type FeedEntry,
  type TouchData,
} from './timeline-model.ts';

export interface RowContext {
  canWrite: boolean;
  /** On an account's timeline: whose item it is. */
  contactName?: (contactId: string | null) => ReactNode;
  onChanged: () => Promise<void>;
}

const ICONS: Record<string, { icon: typeof IconPoint; color: string }> = {
  session: { icon: IconWorldWww, color: 'indigo' },
  touch: { icon: IconTargetArrow, color: 'pink' },
  form_submission: { icon: IconForms, color: 'teal' },
  identify: { icon: IconUserCheck, color: 'cyan' },
  event: { icon: IconBolt, color: 'yellow' },
  activity: { icon: IconActivity, color: 'violet' },
};

export function RowBullet({ entry }: { entry: FeedEntry }) {
  if (entry.item.kind === 'note') {
    const { author } = readNote(entry.item.data);
    return (
      <Avatar size={28} radius="xl" color="brand">
        {initials(author?.name ?? '?')}
      </Avatar>
    );
  }
  const { icon: Icon, color } = ICONS[entry.item.kind] ?? { icon: IconPoint, color: 'gray' };
  return (
    <ThemeIcon size={28} radius="xl" variant="light" color={color}>
      <Icon size={16} stroke={1.8} />
    </ThemeIcon>
  );
}

export function TimelineRow({ entry, ctx }: { entry: FeedEntry; ctx: RowContext }) {
  const { item } = entry;
  const who = ctx.contactName?.(item.contactId);
  switch (item.kind) {
    case 'session':
      return <SessionRow entry={entry} who={who} />;
    case 'touch':
      return <TouchRow entry={entry} who={who} />;
    case 'form_submission':
      return <FormSubmissionRow entry={entry} who={who} />;
    case 'identify':
    case 'event':
      return <EventRow entry={entry} who={who} />;
    case 'note': {
      const note = readNote(item.data);
      return (
        <Shell entry={entry} title={note.author?.name ?? 'Someone'} subtitle="added a note" who={who}>
          <NoteBody noteId={item.id} body={note.body} canWrite={ctx.canWrite} onChanged={ctx.onChanged} />
        </Shell>
      );
    }
    default:
      return <GenericRow entry={entry} who={who} />;
  }
}

function Shell({ entry, title, subtitle, who, children }: { entry: FeedEntry; title: ReactNode; subtitle?: ReactNode; who?: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap={4} pl={4} data-testid="timeline-item" data-kind={entry.item.kind}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Group gap={8} style={{ minWidth: 0 }}>
          <Text fz="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {title}
          </Text>
          {subtitle && (
            <Text fz="xs" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          {who && (
            <Text fz="xs" c="dimmed" truncate maw={180}>
              {who}
            </Text>
          )}
          <Tooltip label={formatDateTime(entry.item.occurredAt)}>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {dayjs(entry.item.occurredAt).format('h:mm A')}
            </Text>
          </Tooltip>
        </Group>
      </Group>
      {children}
    </Stack>
  );
}

/** Channel badge, campaign (linked when it is a campaign record) and source / medium of a touch. */
export function TouchFacts({ touch, withKind = false }: { touch: TouchData; withKind?: boolean }) {
  const sm = sourceMedium(touch);
  return (
    <Group gap={6} fz="xs" c="dimmed" data-testid="touch-facts">
      {withKind && <Text fz="xs">{touchKindLabel(touch.touchKind)} ·</Text>}
      <ChannelBadge channel={touch.channel} size="xs" />
      {touch.campaign &&
        (touch.campaignId ? (
          <AnchorLink to="/campaigns/$campaignId" params={{ campaignId: touch.campaignId }} fz="xs">
            {touch.campaign}
          </AnchorLink>
        ) : (
          <Text fz="xs">{touch.campaign}</Text>
        ))}
      {sm && <Text fz="xs">{sm}</Text>}
      {touch.content && <Text fz="xs">content: {touch.content}</Text>}
      {touch.term && <Text fz="xs">term: {touch.term}</Text>}
      {touch.clickIdType && (
        <Badge size="xs" variant="outline" color="gray">
          {touch.clickIdType}
        </Badge>
      )}
    </Group>
  );
}

function PageLink({ url }: { url: string | null }) {
  if (!url) return <Text span fz="xs">{pathOf(url)}</Text>;
  return (
    <Anchor href={url} target="_blank" rel="noreferrer noopener" fz="xs" title={url} style={{ wordBreak: 'break-all' }}>
      {pathOf(url)}
    </Anchor>
  );
}

const PAGES_SHOWN = 5;

function SessionRow({ entry, who }: { entry: FeedEntry; who?: ReactNode }) {
  const s = readSession(entry.item.data);
  const [all, setAll] = useState(false);
  const duration = s.pageViews > 1 ? formatDuration(entry.item.occurredAt, s.endedAt) : null;
  const referrer = hostOf(entry.touch?.referrer ?? s.referrer);
  const pages = all ? s.pages : s.pages.slice(0, PAGES_SHOWN);
  return (
    <Shell entry={entry} title={entry.item.title} who={who}>
      <Group gap={6}>
        {entry.touch && <TouchFacts touch={entry.touch} />}
        <Text fz="xs" c="dimmed">
          {[referrer ? `from ${referrer}` : null, duration].filter(Boolean).join(' · ')}
        </Text>
      </Group>
      {pages.length > 0 && (
        <Stack gap={2} mt={2} data-testid="session-pages">
          {pages.map((p, i) => (
            <Group key={`${p.occurredAt}-${i}`} gap={8} wrap="nowrap" align="baseline">
              <Text fz="xs" c="dimmed" w={80} style={{ flexShrink: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {p.occurredAt ? dayjs(p.occurredAt).format('h:mm:ss A') : ''}
              </Text>
              <Text fz="xs" truncate style={{ minWidth: 0 }}>
                {p.title && (
                  <Text span fz="xs" fw={500}>
                    {p.title}{' '}
                  </Text>
                )}
                <PageLink url={p.url} />
              </Text>
            </Group>
          ))}
          {s.pages.length > PAGES_SHOWN && (
            <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setAll((v) => !v)}>
              {all ? 'Show fewer pages' : `Show all ${s.pages.length} pages`}
            </Button>
          )}
        </Stack>
      )}
    </Shell>
  );
}

function TouchRow({ entry, who }: { entry: FeedEntry; who?: ReactNode }) {
  const t = entry.touch!;
  const referrer = hostOf(t.referrer);
  return (
    <Shell entry={entry} title={touchKindLabel(t.touchKind)} who={who}>
      <TouchFacts touch={t} />
      {(t.landingPage || referrer) && (
        <Text fz="xs" c="dimmed">
          {t.landingPage && (
            <>
              Landed on <PageLink url={t.landingPage} />
            </>
          )}
          {referrer && ` · from ${referrer}`}
        </Text>
      )}
    </Shell>
  );
}

function FormSubmissionRow({ entry, who }: { entry: FeedEntry; who?: ReactNode }) {
  const e = readEvent(entry.item.data);
  const form = formOf(e.properties);
  const title = form.formId ? (
    <>
      Submitted{' '}
      <AnchorLink to="/forms/$formId" params={{ formId: form.formId }} fz="sm" fw={600}>
        {form.formName ?? 'a form'}
      </AnchorLink>
    </>
  ) : (
    entry.item.title
  );
  return (
    <Shell entry={entry} title={title} who={who}>
      <Group gap={6}>
        {entry.touch && <TouchFacts touch={entry.touch} />}
        {e.page.url && (
          <Text fz="xs" c="dimmed">
            on <PageLink url={e.page.url} />
          </Text>
        )}
      </Group>
      {form.formId && form.submissionId && <SubmissionValues formId={form.formId} submissionId={form.submissionId} contactId={entry.item.contactId} />}
    </Shell>
  );
}

/** The answers of one submission, labelled as the form labels them. */
function SubmissionValues({ formId, submissionId, contactId }: { formId: string; submissionId: string; contactId: string | null }) {
  const form = useFormDetail(formId);
  const submissions = useQuery({
    enabled: Boolean(contactId),
    queryKey: ['forms', 'submissions', formId, 'of-contact', contactId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/forms/{id}/submissions', { params: { path: { id: formId }, query: { filter: { contactId: { eq: contactId! } }, limit: 100 } } })),
    staleTime: 60_000,
  });
  const submission = submissions.data?.data.find((s) => s.id === submissionId);
  if (!submission) return null;
  const labels = new Map((form.data?.fields ?? []).map((f) => [f.property, f.label]));
  const { pairs, more } = summarizeValues(submission.values, { labels, max: 6 });
  return <ValueList pairs={pairs} more={more} testId="submission-values" />;
}

function ValueList({ pairs, more, testId }: { pairs: Array<{ key: string; label: string; value: string }>; more: number; testId?: string }) {
  if (pairs.length === 0) return null;
  return (
    <Stack gap={0} data-testid={testId} bg="var(--mantine-color-gray-0)" p={8} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      {pairs.map((p) => (
        <Text key={p.key} fz="xs" style={{ wordBreak: 'break-word' }}>
          <Text span fz="xs" c="dimmed">
            {p.label}:
          </Text>{' '}
          {p.value}
        </Text>
      ))}
      {more > 0 && (
        <Text fz="xs" c="dimmed">
          and {more} more
        </Text>
      )}
    </Stack>
  );
}

const PAGE_PROPERTIES = ['url', 'path', 'referrer', 'title', 'search'];

function EventRow({ entry, who }: { entry: FeedEntry; who?: ReactNode }) {
  if (entry.item.kind === 'identify') {
    const { traits } = readIdentify(entry.item.data);
    const { pairs, more } = summarizeValues(traits, { max: 4 });
    return (
      <Shell entry={entry} title={entry.item.title} who={who}>
        <ValueList pairs={pairs} more={more} />
      </Shell>
    );
  }
  const e = readEvent(entry.item.data);
  const { pairs, more } = summarizeValues(e.properties, { max: 4, skip: PAGE_PROPERTIES });
  return (
    <Shell entry={entry} title={entry.item.title} subtitle="event" who={who}>
      {e.page.url && (
        <Text fz="xs" c="dimmed">
          on <PageLink url={e.page.url} />
        </Text>
      )}
      <ValueList pairs={pairs} more={more} />
    </Shell>
  );
}

function GenericRow({ entry, who }: { entry: FeedEntry; who?: ReactNode }) {
  const { data, kind } = entry.item;
  const type = typeof data.activityType === 'string' ? humanize(data.activityType) : null;
  const body = typeof data.body === 'string' && data.body.trim() ? data.body : null;
  return (
    <Shell entry={entry} title={entry.item.title} subtitle={type ?? kindLabel(kind)} who={who}>
      {body && (
        <Text fz="sm" c="gray.7" lineClamp={3} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {body}
        </Text>
      )}
    </Shell>
  );
}
