"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/forms";
import { validatedAction } from "@/lib/auth/action";
import { listEventTypes } from "@/lib/event-types/data";
import { typeOfEvent } from "./data";
import { eventLimits } from "./limits";
import { cancelEvent, completeEvent, createEvent, publishEvent, updateEvent } from "./mutations";
import { cancelEventSchema, eventEditSchema, eventFormSchema, eventLifecycleSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

function refresh(eventId: string) {
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
  revalidatePath("/safaris", "layout");
}

// The schemas depend on the moment of the request, the configured limits and the catalogue of types, so
// each call builds its own.
export async function createEventAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const action = validatedAction("createEventAction", eventFormSchema(eventLimits(), appNow(), await listEventTypes()), async (input, user) => {
    const eventId = await createEvent(user.id, input);
    revalidatePath("/organize");
    redirect(`/organize/events/${eventId}`);
  });
  return action(previous, formData);
}

export async function updateEventAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const now = appNow();
  // An event keeps its type even once the type is archived; it cannot move to another archived one.
  const eventId = formData.get("eventId");
  const currentType = typeof eventId === "string" ? await typeOfEvent(eventId) : null;
  const schema = eventEditSchema(eventLimits(), now, await listEventTypes(), currentType ?? undefined);
  const action = validatedAction("updateEventAction", schema, async ({ eventId, ...input }, user) => {
    await updateEvent(eventId, user.id, input, now);
    refresh(eventId);
    redirect(`/organize/events/${eventId}`);
  });
  return action(previous, formData);
}

const lifecycle = {
  publish: {
    run: (eventId: string, actorId: string) => publishEvent(eventId, actorId, appNow(), eventLimits()),
    done: "Published: executives can now sign up.",
  },
  complete: { run: (eventId: string, actorId: string) => completeEvent(eventId, actorId, appNow()), done: "Marked completed." },
};

export const changeEventStatusAction = validatedAction("changeEventStatusAction", eventLifecycleSchema, async ({ eventId, to }, user) => {
  await lifecycle[to].run(eventId, user.id);
  refresh(eventId);
  return lifecycle[to].done;
});

export const cancelEventAction = validatedAction("cancelEventAction", cancelEventSchema, async ({ eventId, reason }, user) => {
  await cancelEvent(eventId, user.id, reason, appNow());
  refresh(eventId);
  redirect(`/organize/events/${eventId}`);
});
