"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { roleLabels } from "@/lib/ui/nav";
import { changeRole, endAllSessions } from "./mutations";
import { changeRoleSchema, endAllSessionsSchema } from "./schema";

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
