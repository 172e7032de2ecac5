"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import type { ActionState } from "@/lib/forms";
import { closeCommitmentLoop, updateCommitment } from "./mutations";
import { closeLoopSchema, updateCommitmentSchema } from "./schema";

function refresh(reflectionId: string) {
  revalidatePath("/commitments");
  revalidatePath(`/reflections/${reflectionId}`);
}

const update = validatedAction("updateCommitmentAction", updateCommitmentSchema, async (input, owner) => {
  refresh(await updateCommitment(owner.id, input));
  return input.status ? "Status saved." : "Progress note saved.";
});

/** The owner moves one of their commitments on (in progress, done, dropped) and/or notes their progress. */
export async function updateCommitmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return update(previous, formData);
}

const closeLoop = validatedAction("closeCommitmentLoopAction", closeLoopSchema, async (input, owner) => {
  refresh(await closeCommitmentLoop(owner.id, input));
  return "Loop closed. Thank you for telling them!";
});

/** The owner records what was done on a done commitment and who was told. */
export async function closeCommitmentLoopAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return closeLoop(previous, formData);
}
