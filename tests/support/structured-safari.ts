import { getDb } from "@/db";
import type { JourneyStage, MomentKind, ReflectionVisibility } from "@/db/enums";
import { commitments, participations, reflectionMoments, reflections } from "@/db/schema";
import { makeEvent } from "./factories";

/*
 * Structured reflections written straight into the tables, without the reflection form (whose input
 * changes on its own schedule): the summary's tests need exact rows, and the copies they read come from
 * the database's triggers alone.
 */

export type Writer = {
  id: string;
  visibility: ReflectionVisibility;
  moments: { kind: MomentKind; stage: JourneyStage | null }[];
  /** The commitment done with its loop closed, and whom that was told; open when absent. */
  loop?: { customerTold: boolean; frontlineTold: boolean };
};

/**
 * A completed two-hour safari at `start` that every writer attended, each with a reflection (empathy
 * items 3,3,3 before and 5,4,6 after: a shift of +2; surprise 4), its moments and one commitment.
 */
export async function structuredSafari(organizerId: string, start: string, writers: Writer[]) {
  const db = await getDb();
  const startAt = new Date(start);
  const event = await makeEvent(organizerId, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), seats: 12, status: "completed" });
  const reflectionIds: string[] = [];
  for (const writer of writers) {
    const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: writer.id, status: "attended", source: "matched" }).returning();
    const [reflection] = await db
      .insert(reflections)
      .values({
        participationId: participation!.id,
        authorId: writer.id,
        eventId: event.id,
        visibility: writer.visibility,
        surpriseScore: 4,
        empathyItemsBefore: [3, 3, 3],
        empathyItemsAfter: [5, 4, 6],
      })
      .returning();
    if (writer.moments.length) {
      await db.insert(reflectionMoments).values(
        writer.moments.map((moment, position) => ({
          reflectionId: reflection!.id,
          position,
          kind: moment.kind,
          body: "Asked for the contract number three times",
          journeyStage: moment.stage,
          emotion: moment.kind === "ouch" ? "frustrated" : "moved",
          intensity: 4,
        })),
      );
    }
    const closed = writer.loop ? { status: "done" as const, doneAt: startAt, loopClosedAt: startAt, loopClosedNote: "We dropped the second check.", ...writer.loop } : {};
    await db.insert(commitments).values({ reflectionId: reflection!.id, ownerId: writer.id, body: "Drop the second identity check", dueOn: "2026-12-31", ...closed });
    reflectionIds.push(reflection!.id);
  }
  return { event, reflectionIds };
}
