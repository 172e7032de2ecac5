"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/forms";
import { validatedAction } from "@/lib/auth/action";
import { eventLimits } from "./limits";
import { cancelEvent, completeEvent, createEvent, publishEvent, updateEvent } from "./mutations";
import { cancelEventSchema, eventEditSchema, eventFormSchema, eventLifecycleSchema } from "./schema";

function refresh(eventId: string) {
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
  revalidatePath("/safaris", "layout");
}

// The schemas depend on the moment of the request and the configured limits, so each call builds its own.
export async function createEventAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const action = validatedAction("createEventAction", eventFormSchema(eventLimits(), new Date()), async (input, user) => {
    const eventId = await createEvent(user.id, input);
    revalidatePath("/organize");
    redirect(`/organize/events/${eventId}`);
  });
  return action(previous, formData);
}

export async function updateEventAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const now = new Date();
  const action = validatedAction("updateEventAction", eventEditSchema(eventLimits(), now), async ({ eventId, ...input }, user) => {
    await updateEvent(eventId, user.id, input, now);
    refresh(eventId);
    redirect(`/organize/events/${eventId}`);
  });
  return action(previous, formData);
}

const lifecycle = {
  publish: {
    run: (eventId: string, actorId: string) => publishEvent(eventId, actorId, new Date(), eventLimits()),
    done: "Published: executives can now sign up.",
  },
  complete: { run: (eventId: string, actorId: string) => completeEvent(eventId, actorId, new Date()), done: "Marked completed." },
};

export const changeEventStatusAction = validatedAction("changeEventStatusAction", eventLifecycleSchema, async ({ eventId, to }, user) => {
  await lifecycle[to].run(eventId, user.id);
  refresh(eventId);
  return lifecycle[to].done;
});

export const cancelEventAction = validatedAction("cancelEventAction", cancelEventSchema, async ({ eventId, reason }, user) => {
  await cancelEvent(eventId, user.id, reason, new Date());
  refresh(eventId);
  redirect(`/organize/events/${eventId}`);
});
