import "server-only";
import { and, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import { getDb, transaction, type Transaction } from "@/db";
import { commitments, commitmentUpdates, events, reflections } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { updateProblem, type CloseLoopInput, type UpdateCommitmentInput } from "./schema";

/*
 * An executive's changes to their own commitments, each in one transaction with its history line and its
 * audit line. Someone else's commitment is "not found", exactly like a missing one. And the follow-ups
 * that ask the owner how a commitment is going.
 */

/** `ownerId`'s own commitment, locked for the change; NOT_FOUND for anyone else's. */
async function lockOwn(tx: Transaction, ownerId: string, commitmentId: string) {
  const [commitment] = await tx
    .select({ id: commitments.id, status: commitments.status, reflectionId: commitments.reflectionId, loopClosedAt: commitments.loopClosedAt })
    .from(commitments)
    .where(and(eq(commitments.id, commitmentId), eq(commitments.ownerId, ownerId)))
    .for("update");
  if (!commitment) throw new AppError("NOT_FOUND", "We could not find that commitment among yours.");
  return commitment;
}

/** A status change and/or a progress note; returns the reflection the commitment belongs to. */
export async function updateCommitment(ownerId: string, input: UpdateCommitmentInput): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const commitment = await lockOwn(tx, ownerId, input.commitmentId);
    const problem = updateProblem(commitment.status, input.status, input.note);
    if (problem) throw new AppError("INVALID_STATE", problem);
    const statusTo = input.status ?? commitment.status;
    if (statusTo !== commitment.status) {
      // done_at is set exactly when the status is done (commitments_done_at_matches_status).
      await tx
        .update(commitments)
        .set({ status: statusTo, doneAt: statusTo === "done" ? sql`now()` : null })
        .where(eq(commitments.id, commitment.id));
      await recordAudit(tx, {
        actorId: ownerId,
        action: "commitment.update",
        objectType: "commitment",
        objectId: commitment.id,
        details: { from: commitment.status, to: statusTo },
      });
    } else {
      await tx.update(commitments).set({ updatedAt: sql`now()` }).where(eq(commitments.id, commitment.id));
    }
    await tx.insert(commitmentUpdates).values({ commitmentId: commitment.id, authorId: ownerId, statusFrom: commitment.status, statusTo, note: input.note });
    return commitment.reflectionId;
  });
}

/** "Loop closed" on a done commitment: what was done, and whether the customer and the frontline host were told. */
export async function closeCommitmentLoop(ownerId: string, input: CloseLoopInput): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const commitment = await lockOwn(tx, ownerId, input.commitmentId);
    if (commitment.status !== "done") throw new AppError("INVALID_STATE", "Mark the commitment done before you close its loop.");
    if (commitment.loopClosedAt) throw new AppError("INVALID_STATE", "This commitment's loop is already closed.");
    await tx
      .update(commitments)
      .set({ loopClosedAt: sql`now()`, loopClosedNote: input.note, customerTold: input.customerTold, frontlineTold: input.frontlineTold })
      .where(eq(commitments.id, commitment.id));
    await recordAudit(tx, {
      actorId: ownerId,
      action: "commitment.loop_closed",
      objectType: "commitment",
      objectId: commitment.id,
      details: { customerTold: input.customerTold, frontlineTold: input.frontlineTold },
    });
    return commitment.reflectionId;
  });
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
