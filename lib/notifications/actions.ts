"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { markRead } from "./mutations";
import { markReadSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

export const markNotificationsReadAction = validatedAction("markNotificationsReadAction", markReadSchema, async ({ notificationId }, user) => {
  const marked = await markRead(user.id, notificationId === "all" ? "all" : [notificationId], appNow());
  revalidatePath("/", "layout");
  return marked === 1 ? "Marked as read." : `Marked ${marked} as read.`;
});
