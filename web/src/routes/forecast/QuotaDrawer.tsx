// Setting the period's quotas (admins): one amount per rep and an optional team quota. Blank means
// none: a quarter without its own quota counts its months', a team without one sums its reps'.
import { Alert, Button, Drawer, Group, NumberInput, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useUsers } from '../../queries/users.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { periodKind, periodLabel } from './periods.ts';
import { useQuotas, useSaveQuotas, type QuotaChange } from './forecast.queries.ts';

const TEAM = 'team';

export function QuotaDrawer({ period, opened, onClose }: { period: string; opened: boolean; onClose: () => void }) {
  const { users, isPending: usersPending } = useUsers();
  const quotas = useQuotas([period], opened);
  const save = useSaveQuotas();
  const [values, setValues] = useState<Record<string, number | ''>>({});

  const existing = useMemo(() => new Map((quotas.data ?? []).map((q) => [q.ownerId ?? TEAM, q])), [quotas.data]);
  // reps: active sellers and admins, and anyone who already has a quota for the period
  const reps = users.filter((u) => (u.status === 'active' && (u.role === 'sales' || u.role === 'admin')) || existing.has(u.id));

  useEffect(() => {
    if (opened && quotas.data) setValues(Object.fromEntries([...existing].map(([k, q]) => [k, q.amount])));
  }, [opened, quotas.data, existing]);

  const changes: QuotaChange[] = [TEAM, ...reps.map((r) => r.id)].flatMap((key) => {
    const before = existing.get(key);
    const raw = values[key];
    const amount = raw === '' || raw === undefined ? null : raw;
    if ((before?.amount ?? null) === amount) return [];
    return [{ ownerId: key === TEAM ? null : key, period, existing: before, amount }];
  });

  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        notifySuccess('Quotas saved', `${periodLabel(period)}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`);
        onClose();
      },
      onError: (error) => notifyError(error, 'Could not save the quotas'),
    });

  const loading = usersPending || quotas.isPending;
  const input = (key: string, label: string, description?: string) => (
    <NumberInput
      key={key}
      label={label}
      description={description}
      placeholder="No quota"
      prefix="$"
      thousandSeparator=","
      min={0}
      max={999_999_999_999}
      decimalScale={2}
      allowNegative={false}
      value={values[key] ?? ''}
      onChange={(v) => setValues((prev) => ({ ...prev, [key]: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))}
    />
  );

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={<Text fw={650}>Quotas for {periodLabel(period)}</Text>}>
      <Stack gap="md">
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          {periodKind(period) === 'quarter'
            ? "A rep without a quarter quota is measured against the sum of their monthly quotas. Leave the team quota blank to use the sum of the reps'."
            : "Monthly quotas add up to the quarter when it has no quota of its own. Leave the team quota blank to use the sum of the reps'."}
        </Alert>
        {loading ? (
          [0, 1, 2, 3].map((i) => <Skeleton key={i} height={56} />)
        ) : (
          <>
            {input(TEAM, 'Team quota', 'Optional: the whole team’s target, when it is not just the sum of the reps’.')}
            {reps.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No sales reps yet. Invite your team in Settings → Users with the Sales role.
              </Text>
            ) : (
              reps.map((r) => input(r.id, r.name || r.email))
            )}
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={loading || changes.length === 0}>
            Save quotas
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
