"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import { createEventType, setEventTypeArchived, updateEventType } from "./mutations";
import { archiveEventTypeSchema, eventTypeEditSchema, eventTypeFormSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

export const createEventTypeAction = validatedAction("createEventTypeAction", eventTypeFormSchema, async (input, organizer) => {
  const key = await createEventType(organizer.id, input);
  revalidatePath("/organize/types");
  redirect(`/organize/types/${key}`);
});

export const updateEventTypeAction = validatedAction("updateEventTypeAction", eventTypeEditSchema, async ({ key, ...input }, organizer) => {
  await updateEventType(organizer.id, key, input, appNow());
  revalidatePath("/organize/types");
  revalidatePath(`/organize/types/${key}`);
  return "Saved. Events already planned keep their own seats and times.";
});

export const archiveEventTypeAction = validatedAction("archiveEventTypeAction", archiveEventTypeSchema, async ({ key, archived }, organizer) => {
  await setEventTypeArchived(organizer.id, key, archived === "true", appNow());
  revalidatePath("/organize/types");
  revalidatePath(`/organize/types/${key}`);
  return archived === "true" ? "Archived: it is no longer offered for new events; events keep it." : "Offered again for new events.";
});
