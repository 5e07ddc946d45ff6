// One form: its analytics, submissions and the ways to share it; edit, pause or delete it.
import { Badge, Button, Card, Group, Menu, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  IconChartBar,
  IconChevronDown,
  IconCode,
  IconInbox,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from '@tabler/icons-react';
import { api, unwrap } from '../../api/client.ts';
import { ButtonLink } from '../../components/links.tsx';
import { BackLink, DetailLoadError, trashWithUndo } from '../../components/detail-page.tsx';
import { useCanEditForms, useFormDetail, type Form } from '../../queries/forms.ts';
import { formatNumber, fromNow } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { FormAnalytics } from './FormAnalytics.tsx';
import { FormSubmissions } from './FormSubmissions.tsx';
import { FormShare } from './FormShare.tsx';
import { formatRate } from './format-rate.ts';

const route = getRouteApi('/app/forms/$formId');
export type FormTab = 'analytics' | 'submissions' | 'share';

export function FormDetailPage() {
  const { formId } = route.useParams();
  const { tab = 'analytics' } = route.useSearch();
  const navigate = useNavigate({ from: '/forms/$formId' });
  const queryClient = useQueryClient();
  const canEdit = useCanEditForms();
  const form = useFormDetail(formId);

  const setStatus = useMutation({
    mutationFn: (status: Form['status']) => unwrap(api.PATCH('/api/v1/forms/{id}', { params: { path: { id: formId } }, body: { status } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['forms', 'one', formId], saved);
      void queryClient.invalidateQueries({ queryKey: ['forms', 'list'] });
      notifySuccess(saved.status === 'active' ? 'Form is accepting submissions' : 'Form paused', saved.name);
    },
    onError: (e) => notifyError(e, 'Could not change the form'),
  });

  const remove = (f: Form) =>
    trashWithUndo({
      what: 'form',
      name: f.name,
      consequences: 'Its link and embeds stop working. Submissions and the contacts they created stay.',
      remove: () => unwrap(api.DELETE('/api/v1/forms/{id}', { params: { path: { id: f.id } } })),
      restore: () => unwrap(api.POST('/api/v1/forms/{id}/restore', { params: { path: { id: f.id } } })),
      afterRemove: async () => {
        void queryClient.invalidateQueries({ queryKey: ['forms'] });
        await navigate({ to: '/forms' });
      },
      afterRestore: async () => {
        void queryClient.invalidateQueries({ queryKey: ['forms'] });
        await navigate({ to: '/forms/$formId', params: { formId: f.id } });
      },
    });

  const back = <BackLink to="/forms" label="Forms" />;
  if (form.error) return <DetailLoadError back={back} what="form" error={form.error} />;
  const f = form.data;
  return (
    <Stack gap="lg">
      {back}
      <Card p="lg">
        {!f ? (
          <Stack gap={8}>
            <Skeleton height={22} width={260} />
            <Skeleton height={12} width={360} />
          </Stack>
        ) : (
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={2} fz={24} data-testid="form-name">
                  {f.name}
                </Title>
                <Badge color={f.status === 'active' ? 'teal' : 'gray'} variant="light" size="lg">
                  {f.status === 'active' ? 'Live' : 'Paused'}
                </Badge>
              </Group>
              <Text fz="sm" c="dimmed">
                {formatNumber(f.stats.views)} views · {formatNumber(f.stats.submissions)} submissions · {formatRate(f.stats.conversionRate)}{' '}
                conversion · updated {fromNow(f.updatedAt)}
              </Text>
            </Stack>
            {canEdit && (
              <Group gap="xs" wrap="nowrap">
                <ButtonLink variant="default" leftSection={<IconPencil size={16} />} to="/forms/$formId/edit" params={{ formId: f.id }}>
                  Edit
                </ButtonLink>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" px="xs" aria-label="More actions">
                      <IconChevronDown size={16} />
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {f.status === 'active' ? (
                      <Menu.Item leftSection={<IconPlayerPause size={14} />} onClick={() => setStatus.mutate('paused')}>
                        Pause submissions
                      </Menu.Item>
                    ) : (
                      <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => setStatus.mutate('active')}>
                        Accept submissions
                      </Menu.Item>
                    )}
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(f)}>
                      Delete form
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            )}
          </Group>
        )}
      </Card>

      <Tabs
        value={tab}
        onChange={(t) => void navigate({ search: { tab: (t ?? 'analytics') as FormTab }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="analytics" leftSection={<IconChartBar size={16} />}>
            Analytics
          </Tabs.Tab>
          <Tabs.Tab value="submissions" leftSection={<IconInbox size={16} />}>
            Submissions
          </Tabs.Tab>
          <Tabs.Tab value="share" leftSection={<IconCode size={16} />}>
            Share & embed
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="analytics">
          <FormAnalytics formId={formId} />
        </Tabs.Panel>
        <Tabs.Panel value="submissions">{f ? <FormSubmissions form={f} /> : <Skeleton height={200} />}</Tabs.Panel>
        <Tabs.Panel value="share">{f ? <FormShare form={f} /> : <Skeleton height={200} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
