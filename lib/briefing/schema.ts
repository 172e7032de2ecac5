import { z } from "zod";
import type { ParticipationStatus } from "@/db/enums";

/*
 * Before the safari: "what do you expect to hear?" and three empathy items rated 1–7, kept on the
 * executive's participation and shown again when they reflect, so what they heard can be set against what
 * they thought (and the items rated again, for the shift).
 */

export const expectationMaxLength = 2000;

/** Rated 1–7 before the safari and again in the reflection: the shift between the two is the empathy figure. */
export const empathyItems = [
  "I know what frustrates this kind of customer.",
  "I could describe a day in this customer's life.",
  "I know what this customer needs from us most.",
] as const;

export const empathyScale = { min: 1, max: 7 } as const;

/** One item's rating; an unticked scale sends nothing. */
const rating = (item: string) => {
  const message = `Rate “${item}” from ${empathyScale.min} to ${empathyScale.max}.`;
  return z.coerce.number({ error: message }).int(message).min(empathyScale.min, message).max(empathyScale.max, message);
};

export const expectationSchema = z
  .object({
    participationId: z.uuid("Unknown safari."),
    expectation: z
      .string({ error: "Write what you expect to hear, in a sentence or two." })
      .trim()
      .min(3, "Write what you expect to hear, in a sentence or two.")
      .max(expectationMaxLength, `Keep it to ${expectationMaxLength} characters or fewer.`),
    empathy1: rating(empathyItems[0]),
    empathy2: rating(empathyItems[1]),
    empathy3: rating(empathyItems[2]),
  })
  .transform(({ empathy1, empathy2, empathy3, ...rest }) => ({ ...rest, empathyBefore: [empathy1, empathy2, empathy3] }));

export type ExpectationInput = z.output<typeof expectationSchema>;

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
