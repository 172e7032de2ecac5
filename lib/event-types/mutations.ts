import "server-only";
import { and, eq, gt, like, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, eventTypes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { keyFromName, type EventTypeInput } from "./schema";

/*
 * Changes to the catalogue, each in one transaction with its audit line. A name is unique however it is
 * written (the database's index on lower(name) decides, so two organizers cannot both take one).
 */

const columns = (input: EventTypeInput) => ({
  name: input.name,
  defaultDurationMinutes: input.defaultDurationMinutes,
  defaultSeats: input.defaultSeats,
  maxSeats: input.maxSeats,
  lateWithdrawalHours: input.lateWithdrawalHours,
  guidance: input.guidance,
});

/** Adds a type; its key comes from its name, numbered when taken ("store_visit_2"). Returns the key. */
export async function createEventType(actorId: string, input: EventTypeInput): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const base = keyFromName(input.name);
    const taken = new Set(
      (await tx.select({ key: eventTypes.key }).from(eventTypes).where(or(eq(eventTypes.key, base), like(eventTypes.key, `${base}\\_%`)))).map((row) => row.key),
    );
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    await tx.insert(eventTypes).values({ key, ...columns(input) });
    await recordAudit(tx, { actorId, action: "event_type.create", objectType: "event_type", objectId: key, details: { name: input.name } });
    return key;
  });
}

/**
 * Changes a type's name and defaults. Events already planned keep their own seats and times; a new
 * seat limit is refused while a coming event of the type has more seats than it.
 */
export async function updateEventType(actorId: string, key: string, input: EventTypeInput, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(eventTypes).where(eq(eventTypes.key, key)).for("update");
    if (!current) throw new AppError("NOT_FOUND");
    if (input.maxSeats !== null) {
      const [over] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(events)
        .where(and(eq(events.type, key), gt(events.seats, input.maxSeats), gt(events.endAt, now), ne(events.status, "cancelled")));
      if (over && over.count > 0) {
        throw new AppError(
          "INVALID_STATE",
          `${over.count} coming ${over.count === 1 ? "safari" : "safaris"} of this type ${over.count === 1 ? "has" : "have"} more than ${input.maxSeats} seats: lower ${over.count === 1 ? "its" : "their"} seats first, or allow more.`,
        );
      }
    }
    await tx.update(eventTypes).set(columns(input)).where(eq(eventTypes.key, key));
    const changed = (Object.keys(columns(input)) as (keyof ReturnType<typeof columns>)[]).filter((field) => current[field] !== columns(input)[field]);
    await recordAudit(tx, { actorId, action: "event_type.edit", objectType: "event_type", objectId: key, details: { changed } });
  });
}

/** Archives a type (no new event may have it; events keep theirs) or offers it again. */
export async function setEventTypeArchived(actorId: string, key: string, archived: boolean, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(eventTypes)
      .set({ archivedAt: archived ? now : null })
      .where(eq(eventTypes.key, key))
      .returning({ key: eventTypes.key });
    if (!updated) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actorId, action: archived ? "event_type.archive" : "event_type.restore", objectType: "event_type", objectId: key });
  });
}
