import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { events, participations, users } from "@/db/schema";
import { violatedConstraint } from "@/lib/errors/app-error";
import { signUpIsOpen } from "@/lib/events/rules";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";

/*
 * Promotion from the waitlist. Called inside the transaction that frees a seat (a withdrawal, a decline,
 * an expiry, more seats), after that change: the seat goes to the first executive in the waitlist's order
 * who can take it without a double booking, in the same transaction, with a notice.
 */

/**
 * Fills the event's free seats from its waitlist; returns the promoted executives' ids in order.
 * Locks the event's row first, so concurrent frees of the same event promote one after the other.
 */
export async function promoteFromWaitlist(tx: Transaction, eventId: string, now: Date): Promise<string[]> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  if (!event || !signUpIsOpen(event, now)) return [];
  let free = event.seats - event.seatsTaken;
  if (free <= 0) return [];

  const waiting = await tx
    .select({ id: participations.id, executiveId: participations.executiveId })
    .from(participations)
    .where(and(eq(participations.eventId, eventId), eq(participations.status, "waitlisted")))
    .orderBy(asc(participations.waitlistedAt), asc(participations.id));

  const promoted: string[] = [];
  for (const candidate of waiting) {
    if (free === 0) break;
    // A savepoint per candidate: the no-overlap constraint, not a read made earlier, decides whether they
    // are free at that time (they may be signing up elsewhere right now); a refusal skips to the next.
    // The candidate's own row is locked first, as signUp and joinWaitlist lock it: a sign-up of theirs in
    // progress elsewhere finishes before this one checks for overlaps, instead of both waiting on each
    // other inside the exclusion constraint. (This takes executive after event, the reverse of signUp's
    // order, so the candidate joining this very event at this moment can still deadlock: callers run in
    // db's retrying transaction.)
    const took = await tx
      .transaction(async (savepoint) => {
        await savepoint.select({ id: users.id }).from(users).where(eq(users.id, candidate.executiveId)).for("no key update");
        const [row] = await savepoint
          .update(participations)
          .set({ status: "confirmed", promotedAt: now })
          .where(and(eq(participations.id, candidate.id), eq(participations.status, "waitlisted")))
          .returning({ id: participations.id });
        return row !== undefined;
      })
      .catch((error: unknown) => {
        if (violatedConstraint(error) === "participations_no_overlap") return false;
        throw error;
      });
    if (!took) continue;
    free -= 1;
    promoted.push(candidate.executiveId);
    await notify(tx, [{ userId: candidate.executiveId, kind: "promotion", eventId, details: safariDetails(event) }]);
  }
  return promoted;
}
