// Streams a list as CSV: pages through the same keyset query the list API uses, so an export of a
// million rows holds one page in memory at a time and sees the same filters as the screen.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export interface CsvColumn<T> {
  header: string;
  value(row: T): unknown;
}

export function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  columns: CsvColumn<T>[],
  pages: AsyncIterable<T[]>,
): FastifyReply {
  async function* rows() {
    yield columns.map((c) => c.header);
    for await (const page of pages) {
      for (const row of page) yield columns.map((c) => cell(c.value(row)));
    }
  }
  const stream = Readable.from(rows()).pipe(stringify());
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(stream);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // a spreadsheet would run a cell that starts like a formula (CSV injection); a phone number such
  // as "+44 20 7946 0958" cannot be a formula and stays as it is
  if (/^[+-][\d\s().\/-]*$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Iterates every page of a cursor-paginated list. */
export async function* allPages<T>(
  fetch: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
): AsyncIterable<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
