import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, eventSeries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { expandSeries } from "@/lib/events/recurrence";
import { publishEvent } from "@/lib/events/mutations";
import type { EventLimits } from "@/lib/events/rules";
import type { SeriesFormOutput } from "./schema";

/*
 * A series is made in one transaction: its row and one draft event per date, each an event of its own
 * (changed, published or cancelled alone on its event page). Publishing "all drafts" publishes each in its
 * own transaction, so one that no longer fits (a host's consent, a date now past) does not hold back the rest.
 */

/** Creates the series and its draft events for `organizerId`; returns the series id. */
export async function createSeries(organizerId: string, input: SeriesFormOutput): Promise<string> {
  const expansion = expandSeries(input);
  // The form refused this already; a series with a refused date is never half made.
  if (!expansion.ok || expansion.occurrences.length === 0) throw new AppError("VALIDATION");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [series] = await tx
      .insert(eventSeries)
      .values({
        type: input.type,
        title: input.title,
        timeZone: input.timeZone,
        firstDate: input.firstDate,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        everyWeeks: input.everyWeeks,
        count: input.count,
        createdBy: organizerId,
      })
      .returning({ id: eventSeries.id });
    const seriesId = series!.id;
    await tx.insert(events).values(
      expansion.occurrences.map((occurrence) => ({
        type: input.type,
        title: input.title,
        briefing: input.briefing,
        location: input.location,
        startAt: occurrence.startAt,
        endAt: occurrence.endAt,
        timeZone: input.timeZone,
        seats: input.seats,
        organizerId,
        status: "draft" as const,
        seriesId,
        seriesIndex: occurrence.index,
      })),
    );
    await recordAudit(tx, {
      actorId: organizerId,
      action: "series.create",
      objectType: "series",
      objectId: seriesId,
      details: {
        title: input.title,
        type: input.type,
        firstDate: input.firstDate,
        startTime: input.startTime,
        timeZone: input.timeZone,
        everyWeeks: input.everyWeeks,
        dates: expansion.occurrences.length,
        moved: expansion.problems.filter((problem) => problem.kind === "moved").map((problem) => problem.date),
      },
    });
    return seriesId;
  });
}

export type SeriesPublishOutcome = { published: number; refused: { eventId: string; why: string }[] };

/** Publishes every draft of the series that may be published now; says why for each that may not. */
export async function publishSeriesDrafts(seriesId: string, actorId: string, now: Date, limits: EventLimits): Promise<SeriesPublishOutcome> {
  const db = await getDb();
  const drafts = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.seriesId, seriesId), eq(events.status, "draft")))
    .orderBy(asc(events.seriesIndex));
  const outcome: SeriesPublishOutcome = { published: 0, refused: [] };
  for (const { id } of drafts) {
    try {
      await publishEvent(id, actorId, now, limits);
      outcome.published += 1;
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      outcome.refused.push({ eventId: id, why: known.message });
    }
  }
  return outcome;
}
