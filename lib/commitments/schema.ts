import { z } from "zod";
import { commitmentStatuses } from "@/db/enums";

export type CommitmentStatus = (typeof commitmentStatuses)[number];

/*
 * Updating a commitment and closing its loop: the forms' schemas, shared by the browser and the server
 * actions, and the rules of its status. No database code, so it ships to the client.
 */

export const commitmentStatusLabels: Record<CommitmentStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** Open and in-progress commitments are still to keep; done and dropped ones are settled for good. */
export const isStillToKeep = (status: CommitmentStatus) => status === "open" || status === "in_progress";

/** Where a commitment may go from `from`: forward, done or dropped, never back and never out of a settled state. */
export function nextStatuses(from: CommitmentStatus): CommitmentStatus[] {
  if (from === "open") return ["in_progress", "done", "dropped"];
  if (from === "in_progress") return ["done", "dropped"];
  return [];
}

const noUpdate = "Choose a new status or write a progress note.";

/** Whether an update from `from` to `to` (undefined: a note only) may be saved, or why not. */
export function updateProblem(from: CommitmentStatus, to: CommitmentStatus | undefined, note: string): string | null {
  if (to === undefined || to === from) return note === "" ? noUpdate : null;
  if (nextStatuses(from).includes(to)) return null;
  return isStillToKeep(from)
    ? `A commitment ${commitmentStatusLabels[from].toLowerCase()} cannot go back to ${commitmentStatusLabels[to].toLowerCase()}.`
    : `This commitment is ${commitmentStatusLabels[from].toLowerCase()}: its status stays as it is.`;
}

/** Overdue: still to keep and due before `today` (a "yyyy-MM-dd" calendar day). */
export const isOverdue = (commitment: { status: CommitmentStatus; dueOn: string }, today: string) =>
  isStillToKeep(commitment.status) && commitment.dueOn < today;

const trimmed = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

/** A ticked checkbox sends "on"; an unticked one sends nothing. */
const checkbox = z
  .literal("on", { error: "This checkbox is broken: reload the page." })
  .optional()
  .transform((value) => value === "on");

const commitmentId = z.uuid({ error: "That commitment was not found." });

export const updateCommitmentSchema = z.object({
  commitmentId,
  // "" keeps the status: a progress note alone.
  status: z.preprocess((value) => (value === "" ? undefined : value), z.enum(commitmentStatuses, { error: "Choose a status from the list." }).optional()),
  note: trimmed.pipe(z.string().max(2000, "Keep the progress note to 2000 characters or fewer.")),
}).refine((input) => input.status !== undefined || input.note !== "", { path: ["note"], message: noUpdate });
export type UpdateCommitmentInput = z.output<typeof updateCommitmentSchema>;

export const closeLoopSchema = z.object({
  commitmentId,
  note: trimmed.pipe(
    z
      .string()
      .min(5, "Say what was done, in at least 5 characters: “you told us X; we did Y”.")
      .max(2000, "Keep what was done to 2000 characters or fewer."),
  ),
  customerTold: checkbox,
  frontlineTold: checkbox,
});
export type CloseLoopInput = z.output<typeof closeLoopSchema>;
