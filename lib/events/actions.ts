"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import { cancelEvent, completeEvent, createEvent, publishEvent, updateEvent } from "./mutations";
import { eventEditSchema, eventFormSchema, eventLifecycleSchema } from "./schema";

function refresh(eventId: string) {
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
  revalidatePath("/safaris", "layout");
}

export const createEventAction = validatedAction("createEventAction", eventFormSchema, async (input, user) => {
  const eventId = await createEvent(user.id, input);
  revalidatePath("/organize");
  redirect(`/organize/events/${eventId}`);
});

export const updateEventAction = validatedAction("updateEventAction", eventEditSchema, async ({ eventId, ...input }) => {
  await updateEvent(eventId, input);
  refresh(eventId);
  redirect(`/organize/events/${eventId}`);
});

const lifecycle = {
  publish: { run: (eventId: string) => publishEvent(eventId, new Date()), done: "Published: executives can now sign up." },
  cancel: { run: (eventId: string) => cancelEvent(eventId), done: "Cancelled: every seat is free again." },
  complete: { run: (eventId: string) => completeEvent(eventId, new Date()), done: "Marked completed." },
};

export const changeEventStatusAction = validatedAction("changeEventStatusAction", eventLifecycleSchema, async ({ eventId, to }) => {
  await lifecycle[to].run(eventId);
  refresh(eventId);
  return lifecycle[to].done;
});
