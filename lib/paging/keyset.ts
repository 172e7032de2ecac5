import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Cursor } from "./params";

/*
 * Keyset pagination: a page is the rows after (or before) a row, in the list's order, by comparing row
 * values, so page 200 costs what page 1 costs and rows added meanwhile neither repeat nor vanish. The
 * cursor is a row's id and the database looks up that row's key itself, so a link carries no sort key and
 * cannot be forged into another order. The order must end in a unique column (the id) so it is total.
 */

export type Page<Row> = {
  rows: Row[];
  /** The id to read the next page after, and the previous one before; null where there is none. */
  next: string | null;
  previous: string | null;
};

export type KeysetRead<Row> = {
  cursor: Cursor;
  pageSize: number;
  /** Whether the list reads in ascending order of its key. */
  ascending: boolean;
  /** The key of a row of the list, as a row value ending in its id: sql`(${events.startAt}, ${events.id})`. */
  key: SQL;
  /** The same key of the cursor's row, as a subquery: (id) => sql`(select start_at, id from events where id = ${id})`. */
  keyOf: (id: string) => SQL;
  /** Reads up to `limit` rows beyond `beyond` (undefined: from the start), ordered "asc" or "desc" by the key. */
  read: (beyond: SQL | undefined, order: "asc" | "desc", limit: number) => Promise<Row[]>;
  id: (row: Row) => string;
};

/** One page, read in one query; the rows come in the list's order whichever way the page was read. */
export async function readPage<Row>({ cursor, pageSize, ascending, key, keyOf, read, id }: KeysetRead<Row>): Promise<Page<Row>> {
  const cursorId = cursor ? ("after" in cursor ? cursor.after : cursor.before) : null;
  const backwards = cursor !== null && "before" in cursor;
  // Reading towards the end of the list in its own direction, or back towards its start.
  const up = ascending !== backwards;
  const beyond = cursorId === null ? undefined : up ? sql`${key} > ${keyOf(cursorId)}` : sql`${key} < ${keyOf(cursorId)}`;
  const found = await read(beyond, up ? "asc" : "desc", pageSize + 1);
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  // The cursor's own row lies on the side the page was read away from.
  const hasNext = backwards ? cursorId !== null : more;
  const hasPrevious = backwards ? more : cursorId !== null;
  return { rows, next: hasNext && last ? id(last) : null, previous: hasPrevious && first ? id(first) : null };
}
