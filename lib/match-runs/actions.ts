"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import { getEnv } from "@/lib/env";
import type { ActionState, FieldErrors } from "@/lib/forms";
import { matchableEventIdsOfTypes } from "./data";
import { addProposal, createRun, publishRun, removeProposal, rerun } from "./mutations";
import { periodOfDays } from "./period";
import { FieldRefusal } from "./rules";
import { addProposalSchema, createRunSchema, publishRunSchema, removeProposalSchema, rerunSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

/**
 * Keeps the field errors of a refusal the domain found (a hard rule a hand-added executive would break),
 * which the action wrapper maps to its code and message only: the form shows them beside the fields.
 */
function fieldRefusals() {
  let fieldErrors: FieldErrors | null = null;
  return {
    catching<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
      return async (...args: A): Promise<R> => {
        try {
          return await run(...args);
        } catch (error) {
          if (error instanceof FieldRefusal) fieldErrors = error.fieldErrors;
          throw error;
        }
      };
    },
    keep(state: ActionState): ActionState {
      return fieldErrors && state.status === "error" ? { ...state, fieldErrors } : state;
    },
  };
}

const refresh = (runId: string) => {
  revalidatePath("/organize/match");
  revalidatePath(`/organize/match/${runId}`);
};

export async function createMatchRunAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const refusals = fieldRefusals();
  const action = validatedAction("createMatchRunAction", createRunSchema, refusals.catching(async ({ from, to, eventIds, types }, user) => {
    const zone = getEnv().ORG_TIME_ZONE;
    const period = periodOfDays(from, to, zone);
    const now = appNow();
    // By type: every safari of those types the period holds now (createRun checks each again).
    const chosen = eventIds ?? (await matchableEventIdsOfTypes(period, now, types!));
    if (chosen.length === 0) throw new FieldRefusal({ types: ["No safari of these types with a free seat starts in this period."] });
    const runId = await createRun(user.id, { period, eventIds: chosen }, now, zone);
    revalidatePath("/organize/match");
    redirect(`/organize/match/${runId}`);
  }));
  return refusals.keep(await action(previous, formData));
}

export async function addProposalAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const refusals = fieldRefusals();
  const action = validatedAction("addProposalAction", addProposalSchema, refusals.catching(async ({ runId, executiveId, eventId }, user) => {
    await addProposal(user.id, { runId, executiveId, eventId }, appNow(), getEnv().ORG_TIME_ZONE);
    refresh(runId);
    return "Added to the run.";
  }));
  return refusals.keep(await action(previous, formData));
}

export const removeProposalAction = validatedAction("removeProposalAction", removeProposalSchema, async ({ runId, proposalId }, user) => {
  await removeProposal(user.id, runId, proposalId, appNow());
  refresh(runId);
  return "Removed from the run; a re-run keeps it out.";
});

export const rerunMatchRunAction = validatedAction("rerunMatchRunAction", rerunSchema, async ({ runId }, user) => {
  const newRunId = await rerun(user.id, runId, appNow(), getEnv().ORG_TIME_ZONE);
  refresh(runId);
  redirect(`/organize/match/${newRunId}`);
});

export const publishMatchRunAction = validatedAction("publishMatchRunAction", publishRunSchema, async ({ runId, respondWithinDays }, user) => {
  const { invited, stale } = await publishRun(user.id, runId, respondWithinDays, appNow());
  refresh(runId);
  revalidatePath("/organize", "layout");
  revalidatePath("/safaris", "layout");
  const invitedText = invited === 1 ? "1 invitation sent" : `${invited} invitations sent`;
  return stale === 0 ? `Published: ${invitedText}.` : `Published: ${invitedText}; ${stale} proposal${stale === 1 ? " was" : "s were"} stale (see the notes below).`;
});
