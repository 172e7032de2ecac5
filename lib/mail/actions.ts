"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { resendNotice, setMailPreferences } from "./mutations";
import { mailPreferencesSchema, resendMailSchema } from "./schema";

// One's own preferences only: the user comes from the session, never from the form.
export const saveMailPreferencesAction = validatedAction("saveMailPreferencesAction", mailPreferencesSchema, async ({ wanted }, user) => {
  await setMailPreferences(user.id, user.role, wanted);
  revalidatePath("/account");
  return "Saved: you get the mails ticked. Everything still shows in your inbox.";
});

export const resendMailAction = validatedAction("resendMailAction", resendMailSchema, async ({ notificationId }, admin) => {
  await resendNotice(admin.id, notificationId);
  revalidatePath("/admin/mail");
  return "It will be sent again within a minute.";
});
