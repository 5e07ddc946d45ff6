// Products on the deal. Read as a table; "Edit" turns it into a form where lines are added from the
// catalogue (price filled in) or typed freely, checked as you type, and saved together.
import { ActionIcon, Alert, Button, Card, EmptyState, Group, NumberInput, Select, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPackage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useProducts, type Deal, type LineItem } from '../../queries/deals.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { formatAmount } from '../../lib/money.ts';
import { LineItemsTable } from './LineItemsTable.tsx';

interface Row {
  key: number;
  productId: string | null;
  name: string;
  quantity: number | string;
  unitPrice: number | string;
  discountPercent: number | string;
}

let nextKey = 1;
const toRow = (li: LineItem): Row => ({
  key: nextKey++,
  productId: li.productId,
  name: li.name,
  quantity: li.quantity,
  unitPrice: li.unitPrice,
  discountPercent: li.discountPercent,
});
const lineTotal = (r: Row) =>
  Math.round(Number(r.quantity || 0) * Number(r.unitPrice || 0) * (1 - Number(r.discountPercent || 0) / 100) * 100) / 100;

function rowErrors(r: Row): Partial<Record<keyof Row, string>> {
  const e: Partial<Record<keyof Row, string>> = {};
  if (!r.productId && !r.name.trim()) e.name = 'Name or product';
  if (r.quantity === '' || Number(r.quantity) <= 0) e.quantity = 'More than 0';
  if (r.unitPrice === '' || Number(r.unitPrice) < 0) e.unitPrice = 'Price';
  const d = Number(r.discountPercent || 0);
  if (d < 0 || d > 100) e.discountPercent = '0–100';
  return e;
}

export function LineItemsCard({
  deal,
  data,
  canWrite,
}: {
  deal: Deal;
  data: { data: LineItem[]; total: number } | undefined;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const products = useProducts(true);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);

  const save = useMutation({
    mutationFn: (items: Row[]) =>
      unwrap(
        api.PUT('/api/v1/deals/{id}/line-items', {
          params: { path: { id: deal.id } },
          body: {
            items: items.map((r) => ({
              productId: r.productId,
              ...(r.name.trim() ? { name: r.name.trim() } : {}),
              quantity: Number(r.quantity),
              unitPrice: Number(r.unitPrice),
              discountPercent: Number(r.discountPercent || 0),
            })),
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['deals', 'one', deal.id, 'line-items'], saved);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      setRows(null);
      notifySuccess(
        'Products saved',
        deal.amountFromLineItems ? `Deal amount is now ${formatAmount(saved.dealAmount, deal.currency)}.` : undefined,
      );
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length) setServerErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.path, f.message])));
      else notifyError(e, 'Could not save the products');
    },
  });

  const edit = () => {
    setRows((data?.data ?? []).map(toRow));
    setServerErrors({});
    setTouched(false);
  };
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs && rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = () => {
    setTouched(true);
    if (rows && rows.every((r) => Object.keys(rowErrors(r)).length === 0)) save.mutate(rows);
  };

  const header = (
    <Group justify="space-between" mb="md">
      <Text fw={650}>Products</Text>
      {canWrite && !rows && (
        <Button variant="subtle" size="compact-sm" onClick={edit}>
          Edit
        </Button>
      )}
    </Group>
  );

  if (!data) {
    return (
      <Card p="lg">
        {header}
        <Skeleton height={80} />
      </Card>
    );
  }

  if (!rows) {
    return (
      <Card p="lg" data-testid="line-items">
        {header}
        {data.data.length === 0 ? (
          <EmptyState
            size="sm"
            py="md"
            icon={<IconPackage size={20} />}
            title="No products on this deal"
            description={canWrite ? 'Add products from the catalogue to price the deal line by line.' : undefined}
          >
            {canWrite && (
              <EmptyState.Actions>
                <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={edit}>
                  Add products
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <LineItemsTable deal={deal} data={data} />
        )}
      </Card>
    );
  }

  const productOptions = (products.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.sku ? ` · ${p.sku}` : ''}` }));
  const err = (i: number, r: Row, field: keyof Row) => serverErrors[`items.${i}.${field}`] ?? (touched ? rowErrors(r)[field] : undefined);
  return (
    <Card p="lg" data-testid="line-items-editor">
      {header}
      {Object.keys(serverErrors).some((k) => !/^items\.\d+\./.test(k)) && (
        <Alert color="red" mb="sm">
          {Object.entries(serverErrors)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')}
        </Alert>
      )}
      <Table verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th w={80}>Qty</Table.Th>
            <Table.Th w={120}>Unit price</Table.Th>
            <Table.Th w={90}>Disc. %</Table.Th>
            <Table.Th w={110} ta="right">
              Total
            </Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                {r.productId ? (
                  <Select
                    size="xs"
                    aria-label="Product"
                    data={
                      productOptions.some((o) => o.value === r.productId)
                        ? productOptions
                        : [{ value: r.productId, label: r.name }, ...productOptions]
                    }
                    value={r.productId}
                    onChange={(id) => {
                      const p = products.data?.find((x) => x.id === id);
                      update(r.key, { productId: id, name: p?.name ?? r.name, unitPrice: p?.unitPrice ?? r.unitPrice });
                    }}
                    error={err(i, r, 'productId')}
                    allowDeselect={false}
                    searchable
                  />
                ) : (
                  <TextInput
                    size="xs"
                    aria-label="Line name"
                    placeholder="Line name"
                    value={r.name}
                    onChange={(e) => update(r.key, { name: e.currentTarget.value })}
                    error={err(i, r, 'name')}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label="Quantity"
                  min={0}
                  decimalScale={2}
                  value={r.quantity}
                  onChange={(v) => update(r.key, { quantity: v })}
                  error={err(i, r, 'quantity')}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label="Unit price"
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  value={r.unitPrice}
                  onChange={(v) => update(r.key, { unitPrice: v })}
                  error={err(i, r, 'unitPrice')}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label="Discount percent"
                  min={0}
                  max={100}
                  decimalScale={2}
                  value={r.discountPercent}
                  onChange={(v) => update(r.key, { discountPercent: v })}
                  error={err(i, r, 'discountPercent')}
                  hideControls
                />
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatAmount(lineTotal(r), deal.currency)}
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label="Remove line"
                  onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Group gap="xs">
          <Select
            size="xs"
            aria-label="Add a product"
            placeholder={products.isPending ? 'Loading catalogue…' : 'Add a product…'}
            data={productOptions}
            value={null}
            searchable
            nothingFoundMessage="No active product matches"
            onChange={(id) => {
              const p = products.data?.find((x) => x.id === id);
              if (p)
                setRows([
                  ...rows,
                  { key: nextKey++, productId: p.id, name: p.name, quantity: 1, unitPrice: p.unitPrice, discountPercent: 0 },
                ]);
            }}
            w={220}
          />
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setRows([...rows, { key: nextKey++, productId: null, name: '', quantity: 1, unitPrice: '', discountPercent: 0 }])
            }
          >
            Custom line
          </Button>
        </Group>
        <Group gap="xs">
          <Text fz="sm" fw={700}>
            {formatAmount(
              rows.reduce((s, r) => s + lineTotal(r), 0),
              deal.currency,
            )}
          </Text>
          <Button size="xs" variant="default" onClick={() => setRows(null)}>
            Cancel
          </Button>
          <Button size="xs" onClick={submit} loading={save.isPending}>
            Save products
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
