// Settings → Products: the catalogue deals are priced from. Inactive products stay on the deals that
// have them but are not offered for new lines.
import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Menu,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  ActionIcon,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconPackage, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { useProducts, type Product } from '../../queries/deals.ts';
import { usePermissions } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { formatAmount } from '../../lib/money.ts';
import { SettingsSection } from './SettingsSection.tsx';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'BRL', 'MXN', 'SGD', 'NZD', 'ZAR'];

interface Values {
  name: string;
  sku: string;
  description: string;
  unitPrice: number | string;
  currency: string;
  active: boolean;
}

const EMPTY: Values = { name: '', sku: '', description: '', unitPrice: '', currency: 'USD', active: true };

function ProductModal({ product, opened, onClose }: { product: Product | null; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: EMPTY,
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim() ? null : 'Name the product'),
      unitPrice: (v) =>
        v === ''
          ? 'Set a price'
          : Number(v) < 0
            ? 'Must not be negative'
            : Math.round(Number(v) * 100) !== Number(v) * 100
              ? 'At most 2 decimals'
              : null,
    },
  });
  useEffect(() => {
    if (opened) {
      const values: Values = product
        ? {
            name: product.name,
            sku: product.sku ?? '',
            description: product.description ?? '',
            unitPrice: product.unitPrice,
            currency: product.currency,
            active: product.active,
          }
        : EMPTY;
      form.setValues(values);
      form.clearErrors();
    }
  }, [opened, product?.id]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        sku: v.sku.trim() || null,
        description: v.description.trim() || null,
        unitPrice: Number(v.unitPrice),
        currency: v.currency,
        active: v.active,
      };
      return product
        ? unwrap(api.PATCH('/api/v1/products/{id}', { params: { path: { id: product.id } }, body }))
        : unwrap(api.POST('/api/v1/products', { body }));
    },
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      notifySuccess(product ? 'Product saved' : 'Product added', p.name);
      onClose();
    },
    onError: (e) => showApiErrors(form, e, 'Could not save the product'),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{product ? `Edit ${product.name}` : 'New product'}</Text>}
      centered
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="product-form">
        <Stack>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={3}>
            <TextInput label="SKU" placeholder="Optional, unique" {...form.getInputProps('sku')} />
            <NumberInput
              label="Unit price"
              withAsterisk
              min={0}
              decimalScale={2}
              thousandSeparator=","
              {...form.getInputProps('unitPrice')}
            />
            <Select label="Currency" data={CURRENCIES} searchable allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Switch label="Active (offered for new deal lines)" {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {product ? 'Save product' : 'Add product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ProductsSettings() {
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const products = useProducts();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const remove = async (p: Product) => {
    const ok = await confirmDanger({
      title: `Delete ${p.name}?`,
      message: 'It leaves the catalogue. Deals that have it keep their lines.',
      confirmLabel: 'Delete product',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/products/{id}', { params: { path: { id: p.id } } }));
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    } catch (e) {
      notifyError(e, 'Could not delete the product');
    }
  };
  const rows = products.data ?? [];
  return (
    <SettingsSection
      title="Products"
      description="The catalogue your deals are priced from: a line item copies the name and price, then quantity and discount apply."
      action={
        isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New product
          </Button>
        )
      }
      flush
    >
      {products.error ? (
        <Alert color="red" m="lg">
          {errorMessage(products.error)}
        </Alert>
      ) : products.isPending ? (
        <Skeleton height={160} m="lg" />
      ) : rows.length === 0 ? (
        <EmptyState
          py={48}
          icon={<IconPackage size={24} />}
          variant="light"
          title="No products yet"
          description="Add what you sell, with its list price, to price deals line by line."
        />
      ) : (
        <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover data-testid="products-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th w={140}>SKU</Table.Th>
              <Table.Th w={140} ta="right">
                Unit price
              </Table.Th>
              <Table.Th w={100}>Status</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {p.name}
                  </Text>
                  {p.description && (
                    <Text fz="xs" c="dimmed" lineClamp={1}>
                      {p.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={p.sku ? undefined : 'dimmed'}>
                    {p.sku ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{formatAmount(p.unitPrice, p.currency)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.active ? 'teal' : 'gray'}>
                    {p.active ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {isAdmin && (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${p.name}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(p)}>Edit</Menu.Item>
                        <Menu.Item color="red" onClick={() => void remove(p)}>
                          Delete
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProductModal product={editing === 'new' ? null : editing} opened={editing !== null} onClose={() => setEditing(null)} />
    </SettingsSection>
  );
}
