import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, participations } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { expectationVerdict, type ExpectationInput } from "./schema";

/** Keeps what the executive expects to hear, and their empathy before, on their own participation before the safari starts. */
export async function saveExpectation(
  participationId: string,
  executiveId: string,
  { expectation, empathyBefore }: Omit<ExpectationInput, "participationId">,
  now: Date,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ executiveId: participations.executiveId, status: participations.status, startAt: events.startAt, eventStatus: events.status })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(eq(participations.id, participationId))
      .for("update", { of: participations });
    // Someone else's participation looks exactly like a missing one.
    if (!current || current.executiveId !== executiveId) throw new AppError("NOT_FOUND");
    const verdict = expectationVerdict({ startAt: current.startAt, status: current.eventStatus }, current.status, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
    await tx.update(participations).set({ expectation, empathyBefore, expectationAt: now }).where(eq(participations.id, participationId));
  });
}
