// The products on a deal as a read-only table with the total (the deal amount when it says so).
import { Table } from '@mantine/core';
import type { Deal, LineItem } from '../../queries/deals.ts';
import { formatAmount } from '../../lib/money.ts';

export function LineItemsTable({ deal, data }: { deal: Deal; data: { data: LineItem[]; total: number } }) {
  return (
    <Table verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th ta="right">Qty</Table.Th>
          <Table.Th ta="right">Unit price</Table.Th>
          <Table.Th ta="right">Discount</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.data.map((li) => (
          <Table.Tr key={li.id}>
            <Table.Td>{li.name}</Table.Td>
            <Table.Td ta="right">{li.quantity}</Table.Td>
            <Table.Td ta="right">{formatAmount(li.unitPrice, deal.currency)}</Table.Td>
            <Table.Td ta="right">{li.discountPercent ? `${li.discountPercent}%` : '—'}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {formatAmount(li.total, deal.currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Td colSpan={4} ta="right" fw={600}>
            Total{deal.amountFromLineItems ? ' (the deal amount)' : ''}
          </Table.Td>
          <Table.Td ta="right" fw={700} data-testid="line-items-total">
            {formatAmount(data.total, deal.currency)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
