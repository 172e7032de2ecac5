import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, events, participations, reflectionEmotions, reflectionMoments, reflections, type Reflection } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { reflectionVerdict } from "@/lib/participation/rules";
import { editWindowDays, withinEditWindow, type ReflectionInput } from "./schema";

/**
 * Writes a reflection, its emotion and its commitment in one transaction, for `authorId`'s own attended
 * participation in a safari that has begun (lib/participation/rules.ts). The participation row is locked,
 * so its status cannot change under the write.
 */
export async function createReflection(authorId: string, input: ReflectionInput, now: Date = new Date()): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [participation] = await tx
      .select({ eventId: participations.eventId, status: participations.status, startAt: events.startAt, timeZone: events.timeZone })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(and(eq(participations.id, input.participationId), eq(participations.executiveId, authorId)))
      .for("update", { of: participations });
    if (!participation) throw new AppError("NOT_FOUND", "We could not find that safari among yours.");
    const verdict = reflectionVerdict(participation, participation.status, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);

    // The unique participation_id decides between two concurrent submits, not a prior look-up.
    const [reflection] = await tx
      .insert(reflections)
      .values({
        participationId: input.participationId,
        authorId,
        eventId: participation.eventId,
        surprise: input.surprise,
        visibility: input.visibility,
      })
      .onConflictDoNothing({ target: reflections.participationId })
      .returning({ id: reflections.id });
    if (!reflection) throw new AppError("ALREADY_REFLECTED");

    const moments = [
      ...input.ouchMoments.map((body) => ({ kind: "ouch" as const, body })),
      ...input.aahMoments.map((body) => ({ kind: "aah" as const, body })),
    ].map((moment, position) => ({ ...moment, position, reflectionId: reflection.id, emotion: input.emotion, intensity: input.intensity, quote: position === 0 ? input.customerQuote : "" }));
    await tx.insert(reflectionMoments).values(moments);
    await tx.insert(reflectionEmotions).values({ reflectionId: reflection.id, emotion: input.emotion, intensity: input.intensity });
    await tx.insert(commitments).values({
      reflectionId: reflection.id,
      ownerId: authorId,
      body: input.commitment,
      dueOn: input.commitmentDueOn,
      status: "open",
    });
    return reflection.id;
  });
}

/**
 * The author changes who may read their reflection, within `editWindowDays` of writing it; the change and
 * its audit line in one transaction (the summary's copies follow by trigger, migration 0009). Someone
 * else's reflection is NOT_FOUND; choosing the visibility it has already changes nothing.
 */
export async function changeVisibility(authorId: string, reflectionId: string, visibility: Reflection["visibility"], now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ authorId: reflections.authorId, visibility: reflections.visibility, createdAt: reflections.createdAt })
      .from(reflections)
      .where(eq(reflections.id, reflectionId))
      .for("update");
    if (!current || current.authorId !== authorId) throw new AppError("NOT_FOUND");
    if (!withinEditWindow(current.createdAt, now)) {
      throw new AppError("INVALID_STATE", `A reflection can be changed for ${editWindowDays} days after it was written; that time has passed for this one.`);
    }
    if (current.visibility === visibility) return;
    await tx.update(reflections).set({ visibility }).where(eq(reflections.id, reflectionId));
    await recordAudit(tx, {
      actorId: authorId,
      action: "reflection.visibility_change",
      objectType: "reflection",
      objectId: reflectionId,
      details: { from: current.visibility, to: visibility },
    });
  });
}
