import { z } from 'zod';
import { invalidField } from './errors.js';

/** Query parameters every list accepts. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The shape of every list response: items and an opaque cursor to the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Encodes the sort key of the last item as an opaque, URL-safe cursor. */
export function encodeCursor(key: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor, checking it has the expected number of parts. */
export function decodeCursor(cursor: string | undefined, parts: number): Array<string | number | null> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === parts &&
      value.every((part) => part === null || typeof part === 'string' || typeof part === 'number')
    ) {
      return value as Array<string | number | null>;
    }
  } catch {
    // fall through to the validation error
  }
  throw invalidField('/cursor', 'is not a cursor this list gave out', cursor);
}

/** Given limit+1 rows, returns the page and the cursor to the next one. */
export function paginate<Row>(rows: Row[], limit: number, keyOf: (row: Row) => Array<string | number | null>) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
