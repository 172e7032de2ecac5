import { z } from "zod";
import type { ParticipationStatus } from "@/db/enums";

/*
 * The briefing's prompt, "what do you expect to hear?": written before the safari, kept on the executive's
 * participation and shown again when they reflect, so what they heard can be set against what they thought.
 */

export const expectationMaxLength = 2000;

export const expectationSchema = z.object({
  participationId: z.uuid("Unknown safari."),
  expectation: z
    .string({ error: "Write what you expect to hear, in a sentence or two." })
    .trim()
    .min(3, "Write what you expect to hear, in a sentence or two.")
    .max(expectationMaxLength, `Keep it to ${expectationMaxLength} characters or fewer.`),
});

/** Who reads a safari's briefing: the executives going, invited or waiting for a seat, and those who went. */
export const briefedStatuses = ["invited", "confirmed", "waitlisted", "attended", "no_show"] as const satisfies readonly ParticipationStatus[];

/** Whether someone with this participation status reads the safari's briefing. */
export const isBriefed = (status: ParticipationStatus | null | undefined): boolean =>
  status != null && (briefedStatuses as readonly ParticipationStatus[]).includes(status);

/** Whether the expectation may still be written: before the safari starts, by someone going or invited. */
export function expectationVerdict(event: { startAt: Date; status: string }, status: ParticipationStatus, now: Date): { ok: true } | { ok: false; why: string } {
  if (event.status === "cancelled") return { ok: false, why: "This safari has been cancelled." };
  if (now.getTime() >= event.startAt.getTime()) return { ok: false, why: "The safari has begun: what you expected beforehand is kept as you wrote it." };
  if (!["invited", "confirmed", "waitlisted"].includes(status)) return { ok: false, why: "You are not on this safari." };
  return { ok: true };
}
