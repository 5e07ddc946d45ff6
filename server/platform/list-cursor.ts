// Cursors of list pages: the sort they were made for, the last row's sort value and id, base64url
// JSON. Opaque to clients; checked on the way back in, so a forged or stale cursor is a 400.
import { AppError } from './errors.ts';
import { isCalendarDate, UUID, type FieldKind } from './list-query.ts';

interface CursorPayload {
  s: string;
  v: unknown;
  id: string;
}

export function encodeCursor(p: CursorPayload): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): CursorPayload {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
    if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || !UUID.test(p.id)) throw new Error('shape');
    if (p.s !== sort) {
      throw new AppError('invalid_cursor', `This cursor was made for sort "${p.s}", not "${sort}". Start again without a cursor.`, [
        { path: 'cursor', message: `was made for sort "${p.s}", not "${sort}"` },
      ]);
    }
    return p;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid_cursor', 'The cursor is not valid. Use the nextCursor value from the previous page.', [
      { path: 'cursor', message: 'is not a valid cursor' },
    ]);
  }
}

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** A cursor's sort value must have the type its field holds: a forged one would compare wrongly or fail in SQL. */
export function cursorValueFits(kind: FieldKind, custom: boolean, nullable: boolean, v: unknown): boolean {
  if (v === null) return nullable;
  switch (kind) {
    case 'number':
      return custom ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'uuid':
      return typeof v === 'string' && UUID.test(v);
    case 'date':
      // custom dates are stored as YYYY-MM-DD; timestamps are ISO 8601 text (see sortValue)
      return (
        typeof v === 'string' &&
        (custom ? /^\d{4}-\d{2}-\d{2}$/.test(v) : TIMESTAMP_TEXT.test(v)) &&
        isCalendarDate(v.slice(0, 10))
      );
    case 'day':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v);
    case 'tags':
      return Array.isArray(v) && v.every((t) => typeof t === 'string');
    default:
      return typeof v === 'string';
  }
}

