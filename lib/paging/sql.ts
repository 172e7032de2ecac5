import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Cursor } from "./params";

/** `column` contains `text`, ignoring case; the text's own % and _ are matched as themselves. */
export function containsText(column: AnyColumn | SQL, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`);
  return sql`${column} ilike ${`%${escaped}%`}`;
}

/** Whether the cursor's row is among the rows counted (true without a cursor): a page link still fits its list. */
export function cursorFound(id: AnyColumn, cursor: Cursor): SQL<boolean> {
  const cursorId = cursor ? ("after" in cursor ? cursor.after : cursor.before) : null;
  return cursorId ? sql<boolean>`coalesce(bool_or(${id} = ${cursorId}), false)` : sql<boolean>`true`;
}
