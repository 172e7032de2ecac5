"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import type { ActionState } from "@/lib/forms";
import { getCurrentUser } from "@/lib/auth/loaders";
import { getEnv } from "@/lib/env";
import { changeVisibility, createReflection } from "./mutations";
import { reflectionSchema, todayIn, visibilityChangeSchema } from "./schema";

/** Saves the signed-in executive's reflection on their own attended safari, then shows it. */
export async function createReflectionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  // "Not in the past" is judged on the author's own calendar, as the form in their browser judged it.
  const user = await getCurrentUser();
  const today = todayIn(user?.timeZone ?? getEnv().ORG_TIME_ZONE);
  const action = validatedAction("createReflectionAction", reflectionSchema(today), async (input, author) => {
    const reflectionId = await createReflection(author.id, input);
    revalidatePath("/safaris/mine");
    redirect(`/reflections/${reflectionId}`);
  });
  return action(previous, formData);
}

/** The author changes who may read their reflection, within its first 14 days. */
export const changeReflectionVisibilityAction = validatedAction("changeReflectionVisibilityAction", visibilityChangeSchema, async ({ reflectionId, visibility }, author) => {
  await changeVisibility(author.id, reflectionId, visibility, new Date());
  revalidatePath(`/reflections/${reflectionId}`);
  return "Saved: who may read it has changed.";
});
