import { Skeleton, Table } from '@mantine/core';

export function TableSkeletonRows({ rows = 8, cols }: { rows?: number; cols: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <Table.Tr key={r}>
          {Array.from({ length: cols }, (_, c) => (
            <Table.Td key={c}>
              <Skeleton height={12} width={c === 0 ? 16 : `${50 + ((r * 7 + c * 13) % 40)}%`} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}
