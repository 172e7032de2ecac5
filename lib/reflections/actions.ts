"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import type { ActionState } from "@/lib/forms";
import { getCurrentUser } from "@/lib/auth/loaders";
import { getEnv } from "@/lib/env";
import { parseId } from "@/lib/route-params";
import { appNow } from "@/lib/time/clock";
import { formatInZone } from "@/lib/time/zones";
import { commitmentDueDates } from "./data";
import { changeVisibility, createReflection, editReflection, saveDraft } from "./mutations";
import { draftSchema, reflectionEditSchema, reflectionSchema, todayIn, visibilityChangeSchema } from "./schema";

/** Saves the signed-in executive's reflection on their own attended safari, then shows it. */
export async function createReflectionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  // "Not in the past" is judged on the author's own calendar, as the form in their browser judged it.
  const user = await getCurrentUser();
  const today = todayIn(user?.timeZone ?? getEnv().ORG_TIME_ZONE, appNow());
  const action = validatedAction("createReflectionAction", reflectionSchema(today), async (input, author) => {
    // A second submit of the same safari answers the reflection the first one wrote: both land on it.
    const reflectionId = await createReflection(author.id, input, appNow());
    revalidatePath("/safaris/mine");
    redirect(`/reflections/${reflectionId}`);
  });
  return action(previous, formData);
}

/** The author's edit of their reflection within its first 14 days; then back to reading it. */
export async function editReflectionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  const today = todayIn(user?.timeZone ?? getEnv().ORG_TIME_ZONE, appNow());
  // The commitments' current due dates may stay as they are, even if they have passed since.
  const reflectionId = formData instanceof FormData ? parseId(formData.get("reflectionId")?.toString()) : null;
  const kept = user && reflectionId ? await commitmentDueDates(user.id, reflectionId) : {};
  const action = validatedAction("editReflectionAction", reflectionEditSchema(today, kept), async (input, author) => {
    await editReflection(author.id, input, appNow());
    revalidatePath(`/reflections/${input.reflectionId}`);
    redirect(`/reflections/${input.reflectionId}`);
  });
  return action(previous, formData);
}

/** Keeps what the executive has typed so far; the form calls it a second after they stop typing. */
export const saveReflectionDraftAction = validatedAction("saveReflectionDraftAction", draftSchema, async ({ participationId, content }, author) => {
  const now = appNow();
  await saveDraft(author.id, participationId, content, now);
  return `Draft saved at ${formatInZone(now, author.timeZone, "HH:mm")}`;
});

/** The author changes who may read their reflection, within its first 14 days. */
export const changeReflectionVisibilityAction = validatedAction("changeReflectionVisibilityAction", visibilityChangeSchema, async ({ reflectionId, visibility }, author) => {
  await changeVisibility(author.id, reflectionId, visibility, appNow());
  revalidatePath(`/reflections/${reflectionId}`);
  return "Saved: who may read it has changed.";
});
