import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** `column` contains `text`, ignoring case; the text's own % and _ are matched as themselves. */
export function containsText(column: AnyColumn | SQL, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`);
  return sql`${column} ilike ${`%${escaped}%`}`;
}
