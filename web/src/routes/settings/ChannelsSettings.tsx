// Settings → Channels: the ordered rules that give each touch its channel. Edits (add, edit, delete,
// reorder) are made on a draft and saved together; the tester runs against the draft, so a change
// can be tried before anyone's reports use it. Admins and marketers edit; everyone else reads.
import { Alert, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconInfoCircle, IconPlus, IconRestore } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { useCanEditMarketing, useChannels } from '../../queries/campaigns.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { ChannelRuleList, type KeyedRule } from './channels/ChannelRuleList.tsx';
import { ChannelRuleModal } from './channels/ChannelRuleModal.tsx';
import { ChannelRuleTester } from './channels/ChannelRuleTester.tsx';
import type { ChannelRule } from './channels/rule-text.ts';

let nextKey = 0;
const keyed = (rules: ChannelRule[]): KeyedRule[] => rules.map((rule) => ({ key: `r${++nextKey}`, rule }));

export function ChannelsSettings() {
  const queryClient = useQueryClient();
  const canEdit = useCanEditMarketing();
  const { channels } = useChannels();
  const saved = useQuery({ queryKey: ['channel-rules'], queryFn: () => unwrap(api.GET('/api/v1/channel-rules')) });
  const [draft, setDraft] = useState<KeyedRule[] | null>(null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);

  useEffect(() => {
    if (saved.data && draft === null) setDraft(keyed(saved.data.data));
  }, [saved.data, draft]);

  const rules = useMemo(() => (draft ?? []).map((d) => d.rule), [draft]);
  const dirty = saved.data !== undefined && draft !== null && JSON.stringify(rules) !== JSON.stringify(saved.data.data);
  const change = (items: KeyedRule[]) => {
    setDraft(items);
    setHighlight(null);
  };

  const afterSave = (data: { data: ChannelRule[]; isDefault: boolean }) => {
    queryClient.setQueryData(['channel-rules'], data);
    void queryClient.invalidateQueries({ queryKey: ['channels'] });
    // the draft is rebuilt from the saved rules by the effect above, as on first load
    setDraft(null);
    setHighlight(null);
  };
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/channel-rules', { body: { rules } })),
    onSuccess: (data) => {
      afterSave(data);
      notifySuccess('Channel rules saved', 'Touches already recorded are being reclassified in the background.');
    },
    onError: (e) => notifyError(e, 'Could not save the rules'),
  });
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/channel-rules/reset')),
    onSuccess: (data) => {
      afterSave(data);
      notifySuccess('Back to the default rules');
    },
    onError: (e) => notifyError(e, 'Could not reset the rules'),
  });
  const confirmReset = async () => {
    const ok = await confirmDanger({
      title: 'Reset to the default rules?',
      message: 'Your own rules are replaced by Tandem’s defaults, and touches already recorded are reclassified with them.',
      confirmLabel: 'Reset rules',
    });
    if (ok) reset.mutate();
  };

  const channelNames = [...new Set([...channels.map((c) => c.name), ...rules.map((r) => r.channel)])];
  const editingRule = typeof editing === 'number' ? (draft?.[editing]?.rule ?? null) : null;

  return (
    <Stack gap="lg">
      <SettingsSection
        title="Test a URL"
        description="See which channel a visit would get with the rules below, including changes you have not saved yet."
      >
        <ChannelRuleTester rules={rules} onResult={setHighlight} />
      </SettingsSection>

      <SettingsSection
        title="Channel rules"
        description="Each touch gets the channel of the first rule it matches, top to bottom. Source and medium come from UTM tags, else an ad click id, else the referrer; a touch with none of them is Direct. Touches no rule matches are Other."
        action={
          saved.data?.isDefault && !dirty ? (
            <Badge variant="light" color="gray">
              Default rules
            </Badge>
          ) : undefined
        }
        flush
      >
        {saved.error ? (
          <Alert color="red" m="lg" title="Could not load the rules">
            {errorMessage(saved.error)}
          </Alert>
        ) : !draft ? (
          <Stack p="lg" gap="xs">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        ) : (
          <>
            <ChannelRuleList items={draft} editable={canEdit} highlight={highlight} onChange={change} onEdit={setEditing} />
            {canEdit ? (
              <Group justify="space-between" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <Group gap="xs">
                  <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                    Add rule
                  </Button>
                  <Button
                    variant="subtle"
                    color="gray"
                    leftSection={<IconRestore size={16} />}
                    onClick={() => void confirmReset()}
                    loading={reset.isPending}
                  >
                    Reset to defaults
                  </Button>
                </Group>
                <Group gap="xs">
                  {dirty && (
                    <>
                      <Text fz="sm" c="dimmed">
                        Unsaved changes
                      </Text>
                      <Button variant="default" onClick={() => change(keyed(saved.data!.data))}>
                        Discard
                      </Button>
                    </>
                  )}
                  <Button
                    leftSection={<IconDeviceFloppy size={16} />}
                    disabled={!dirty || rules.length === 0}
                    loading={save.isPending}
                    onClick={() => save.mutate()}
                  >
                    Save rules
                  </Button>
                </Group>
              </Group>
            ) : (
              <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} m="md">
                Only admins and marketers can change the channel rules.
              </Alert>
            )}
            {canEdit && rules.length === 0 && (
              <Alert color="yellow" m="md" mt={0}>
                Keep at least one rule, or reset to the defaults.
              </Alert>
            )}
          </>
        )}
      </SettingsSection>

      <ChannelRuleModal
        opened={editing !== null}
        rule={editingRule}
        channelNames={channelNames}
        onClose={() => setEditing(null)}
        onSave={(rule) => {
          if (!draft) return;
          // new rules go first: they are usually more specific than the defaults they refine
          if (editing === 'new') change([...keyed([rule]), ...draft]);
          else if (typeof editing === 'number') change(draft.map((d, i) => (i === editing ? { ...d, rule } : d)));
          setEditing(null);
        }}
      />
    </Stack>
  );
}
