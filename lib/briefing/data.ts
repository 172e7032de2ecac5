import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { events, eventTypes, participations, type ParticipationStatus } from "@/db/schema";
import { personasOfEvent } from "@/lib/hosts/data";
import { briefedStatuses } from "./schema";

/*
 * A safari's briefing pack: what an executive needs beforehand. Executives read it for safaris they are on
 * (lib/briefing/schema.ts briefedStatuses), never drafts; organizers for any event, to check what is sent.
 * Nothing here names a customer host beyond what executives may see (lib/hosts).
 */

const eventColumns = {
  id: events.id,
  title: events.title,
  status: events.status,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  briefing: events.briefing,
  location: events.location,
  videoUrl: events.videoUrl,
  meetingContact: events.meetingContact,
  frontlineName: events.frontlineName,
  frontlineRole: events.frontlineRole,
  cancellationReason: events.cancellationReason,
  typeName: eventTypes.name,
  guidance: eventTypes.guidance,
};

/** The briefing of `eventId` as `viewer` may read it, or undefined (someone else's safari looks like none). */
export async function findBriefing(eventId: string, viewer: { id: string; role: string }) {
  const db = await getDb();
  const [event] = await db.select(eventColumns).from(events).innerJoin(eventTypes, eq(eventTypes.key, events.type)).where(eq(events.id, eventId));
  if (!event) return undefined;

  let participation: { id: string; status: ParticipationStatus; expectation: string | null; empathyBefore: number[] | null; expectationAt: Date | null } | null = null;
  if (viewer.role !== "organizer") {
    if (event.status === "draft") return undefined;
    const [own] = await db
      .select({
        id: participations.id,
        status: participations.status,
        expectation: participations.expectation,
        empathyBefore: participations.empathyBefore,
        expectationAt: participations.expectationAt,
      })
      .from(participations)
      .where(and(eq(participations.eventId, eventId), eq(participations.executiveId, viewer.id), inArray(participations.status, briefedStatuses)));
    if (!own) return undefined;
    participation = own;
  }

  return { event, personas: await personasOfEvent(eventId), participation };
}

export type Briefing = NonNullable<Awaited<ReturnType<typeof findBriefing>>>;
