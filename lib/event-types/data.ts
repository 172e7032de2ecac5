import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { eventTypeKeyRegex, events, eventTypes } from "@/db/schema";
import type { TypeChoice } from "./schema";

/*
 * The catalogue of safari types. It is short (a company has a few dozen at most), so it is read whole,
 * by name, and passed to the forms and lists that offer or name types.
 */

const choice = (row: typeof eventTypes.$inferSelect): TypeChoice => ({
  key: row.key,
  name: row.name,
  defaultDurationMinutes: row.defaultDurationMinutes,
  defaultSeats: row.defaultSeats,
  maxSeats: row.maxSeats,
  lateWithdrawalHours: row.lateWithdrawalHours,
  guidance: row.guidance,
  archived: row.archivedAt !== null,
});

/** Every type, archived ones too (events keep theirs), by name. */
export async function listEventTypes(): Promise<TypeChoice[]> {
  const db = await getDb();
  const rows = await db.select().from(eventTypes).orderBy(asc(eventTypes.name));
  return rows.map(choice);
}

/** One type, or null; a key of the wrong form (from a URL) is no type. */
export async function getEventType(key: string): Promise<TypeChoice | null> {
  if (!eventTypeKeyRegex.test(key)) return null;
  const db = await getDb();
  const [row] = await db.select().from(eventTypes).where(eq(eventTypes.key, key));
  return row ? choice(row) : null;
}

/** The name of an event's type, as a column of any query over events. */
export const eventTypeName = sql<string>`(select ${eventTypes.name} from ${eventTypes} where ${eventTypes.key} = ${events.type})`;
