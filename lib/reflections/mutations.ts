import "server-only";
import { and, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import { getDb, transaction } from "@/db";
import { commitments, events, participations, reflectionEmotions, reflections } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { reflectionVerdict } from "@/lib/participation/rules";
import type { ReflectionInput } from "./schema";

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
        ouchMoments: input.ouchMoments,
        aahMoments: input.aahMoments,
        empathyBefore: input.empathyBefore,
        empathyAfter: input.empathyAfter,
        customerQuote: input.customerQuote,
        surprise: input.surprise,
        visibility: input.visibility,
      })
      .onConflictDoNothing({ target: reflections.participationId })
      .returning({ id: reflections.id });
    if (!reflection) throw new AppError("ALREADY_REFLECTED");

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

/** Marks `ownerId`'s own open commitment done; returns the reflection it belongs to. */
export async function markCommitmentDone(ownerId: string, commitmentId: string): Promise<string> {
  const db = await getDb();
  const [updated] = await db
    .update(commitments)
    .set({ status: "done", doneAt: sql`now()` })
    .where(and(eq(commitments.id, commitmentId), eq(commitments.ownerId, ownerId), eq(commitments.status, "open")))
    .returning({ reflectionId: commitments.reflectionId });
  if (updated) return updated.reflectionId;

  const [existing] = await db
    .select({ status: commitments.status })
    .from(commitments)
    .where(and(eq(commitments.id, commitmentId), eq(commitments.ownerId, ownerId)));
  if (!existing) throw new AppError("NOT_FOUND", "We could not find that commitment among yours.");
  throw new AppError("INVALID_STATE", existing.status === "done" ? "This commitment is already done." : "This commitment was dropped.");
}

/** Days after a commitment was made when its owner is asked how it is going. */
export const commitmentFollowUpDays = [30, 90] as const;
/**
 * A follow-up more than this many days late is not sent: a first deployment (or a job down for weeks)
 * must not ask about the whole history of commitments at once.
 */
export const commitmentFollowUpLateDays = 14;

/**
 * The follow-ups due as of `now`: to the owner of every commitment still to keep (open or in progress)
 * on a safari that is not cancelled, 30 and 90 days after it was made, each once (the dedupe key
 * "commitment_followup:<commitment>:<days>"). Returns how many were new.
 */
export async function followUpCommitments(now: Date): Promise<number> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  let sent = 0;
  for (const days of commitmentFollowUpDays) {
    sent += await transaction(async (tx) => {
      const due = await tx
        .select({
          id: commitments.id,
          ownerId: commitments.ownerId,
          body: commitments.body,
          dueOn: commitments.dueOn,
          reflectionId: commitments.reflectionId,
          eventId: events.id,
          title: events.title,
          startAt: events.startAt,
          endAt: events.endAt,
          timeZone: events.timeZone,
        })
        .from(commitments)
        .innerJoin(reflections, eq(reflections.id, commitments.reflectionId))
        .innerJoin(events, eq(events.id, reflections.eventId))
        .where(
          and(
            inArray(commitments.status, ["open", "in_progress"]),
            ne(events.status, "cancelled"),
            lte(commitments.createdAt, daysAgo(days)),
            gt(commitments.createdAt, daysAgo(days + commitmentFollowUpLateDays)),
          ),
        );
      return notify(
        tx,
        due.map((row) => ({
          userId: row.ownerId,
          kind: "commitment_followup" as const,
          eventId: row.eventId,
          details: { ...safariDetails(row), body: row.body, dueOn: row.dueOn, days, reflectionId: row.reflectionId },
          dedupeKey: `commitment_followup:${row.id}:${days}`,
        })),
      );
    });
  }
  return sent;
}
