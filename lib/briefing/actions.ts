"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { saveExpectation } from "./mutations";
import { expectationSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

export const saveExpectationAction = validatedAction("saveExpectationAction", expectationSchema, async ({ participationId, ...before }, executive) => {
  await saveExpectation(participationId, executive.id, before, appNow());
  revalidatePath("/safaris", "layout");
  return "Kept. You will see it again when you write your reflection.";
});
