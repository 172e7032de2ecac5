"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { listEventTypes } from "@/lib/event-types/data";
import type { ActionState } from "@/lib/forms";
import { roleLabels } from "@/lib/ui/nav";
import { changeRole, endAllSessions, saveExecutiveProfile, saveOwnProfile } from "./mutations";
import { changeRoleSchema, endAllSessionsSchema, executiveProfileSchema, ownProfileSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

export const changeRoleAction = validatedAction("changeRoleAction", changeRoleSchema, async (input, admin) => {
  const change = await changeRole(admin.id, input.userId, input.role);
  revalidatePath("/people");
  if (change.from === change.to) return `The role is already ${roleLabels[change.to]}.`;
  return `Role changed from ${roleLabels[change.from]} to ${roleLabels[change.to]}; ${sessions(change.sessionsEnded)} ended.`;
});

export const endAllSessionsAction = validatedAction("endAllSessionsAction", endAllSessionsSchema, async (input, admin) => {
  const count = await endAllSessions(admin.id, input.userId);
  revalidatePath("/people");
  return `${sessions(count)} ended.`.replace(/^./, (c) => c.toUpperCase());
});

function sessions(count: number): string {
  return count === 1 ? "1 session" : `${count === 0 ? "no" : count} sessions`;
}

// The blackout rules depend on the moment of the request, so the call builds its schema.
export async function saveOwnProfileAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const now = appNow();
  const typeKeys = (await listEventTypes()).map((type) => type.key);
  const action = validatedAction("saveOwnProfileAction", ownProfileSchema(now, typeKeys), async (input, executive) => {
    // Always the signed-in executive's own profile: the form carries no id.
    await saveOwnProfile(executive.id, input, now);
    revalidatePath("/profile");
    return "Your profile has been saved.";
  });
  return action(previous, formData);
}

export const saveExecutiveProfileAction = validatedAction("saveExecutiveProfileAction", executiveProfileSchema, async (input, organizer) => {
  const { created, changed } = await saveExecutiveProfile(organizer.id, input);
  revalidatePath("/organize/executives");
  revalidatePath(`/organize/executives/${input.executiveId}`);
  if (created) return "Profile created.";
  return changed.length > 0 ? "Profile saved." : "Nothing changed.";
});
