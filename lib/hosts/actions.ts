"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/forms";
import { validatedAction } from "@/lib/auth/action";
import { getEnv } from "@/lib/env";
import { listEventTypes } from "@/lib/event-types/data";
import { todayIn } from "@/lib/reflections/schema";
import {
  addHostToEvent,
  createHost,
  createPersona,
  recordConsent,
  removeHostFromEvent,
  setEventPersona,
  setHostArchived,
  updateHost,
  updatePersona,
  withdrawConsent,
} from "./mutations";
import {
  archiveHostSchema,
  eventHostSchema,
  eventPersonaSchema,
  hostEditSchema,
  hostFormSchema,
  personaEditSchema,
  personaFormSchema,
  recordConsentSchema,
  withdrawConsentSchema,
} from "./schema";
import { appNow } from "@/lib/time/clock";

function refreshHost(hostId: string) {
  revalidatePath("/organize/hosts");
  revalidatePath(`/organize/hosts/${hostId}`);
}

function refreshEvent(eventId: string) {
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
  revalidatePath("/safaris", "layout");
}

export const createHostAction = validatedAction("createHostAction", hostFormSchema, async (input, organizer) => {
  const hostId = await createHost(organizer.id, input);
  revalidatePath("/organize/hosts");
  redirect(`/organize/hosts/${hostId}`);
});

export const updateHostAction = validatedAction("updateHostAction", hostEditSchema, async ({ hostId, ...input }, organizer) => {
  await updateHost(organizer.id, hostId, input);
  refreshHost(hostId);
  return "Saved.";
});

export const archiveHostAction = validatedAction("archiveHostAction", archiveHostSchema, async ({ hostId, archived }, organizer) => {
  await setHostArchived(organizer.id, hostId, archived === "true", appNow());
  refreshHost(hostId);
  return archived === "true" ? "Archived: offered for no new safari; safaris that have this host keep them." : "Offered for new safaris again.";
});

// The consent form depends on the catalogue of types and on today in the organisation's zone: each call builds its schema.
export async function recordConsentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const now = appNow();
  const zone = getEnv().ORG_TIME_ZONE;
  const types = (await listEventTypes()).map((type) => type.key);
  const action = validatedAction("recordConsentAction", recordConsentSchema(types, todayIn(zone, now)), async ({ hostId, ...input }, organizer) => {
    await recordConsent(organizer.id, hostId, input, zone, now);
    refreshHost(hostId);
    revalidatePath("/organize");
    return "Consent recorded.";
  });
  return action(previous, formData);
}

export const withdrawConsentAction = validatedAction("withdrawConsentAction", withdrawConsentSchema, async ({ hostId, consentId }, organizer) => {
  const { flagged } = await withdrawConsent(organizer.id, hostId, consentId, appNow());
  refreshHost(hostId);
  revalidatePath("/organize");
  return flagged.length === 0
    ? "Withdrawal recorded. No planned safari depended on this consent."
    : `Withdrawal recorded. ${flagged.length} planned ${flagged.length === 1 ? "safari is" : "safaris are"} flagged for their organizers.`;
});

export const addEventHostAction = validatedAction("addEventHostAction", eventHostSchema, async ({ eventId, hostId }, organizer) => {
  await addHostToEvent(organizer.id, eventId, hostId, appNow());
  refreshEvent(eventId);
  return "Host added.";
});

export const removeEventHostAction = validatedAction("removeEventHostAction", eventHostSchema, async ({ eventId, hostId }, organizer) => {
  await removeHostFromEvent(organizer.id, eventId, hostId, appNow());
  refreshEvent(eventId);
  return "Host removed.";
});

export const addEventPersonaAction = validatedAction("addEventPersonaAction", eventPersonaSchema, async ({ eventId, personaId }, organizer) => {
  await setEventPersona(organizer.id, eventId, personaId, true, appNow());
  refreshEvent(eventId);
  return "Persona added.";
});

export const removeEventPersonaAction = validatedAction("removeEventPersonaAction", eventPersonaSchema, async ({ eventId, personaId }, organizer) => {
  await setEventPersona(organizer.id, eventId, personaId, false, appNow());
  refreshEvent(eventId);
  return "Persona removed.";
});

export const createPersonaAction = validatedAction("createPersonaAction", personaFormSchema, async (input, organizer) => {
  await createPersona(organizer.id, input);
  revalidatePath("/organize/personas");
  return `Added the persona “${input.name}”.`;
});

export const updatePersonaAction = validatedAction("updatePersonaAction", personaEditSchema, async ({ personaId, ...input }, organizer) => {
  await updatePersona(organizer.id, personaId, input);
  revalidatePath("/organize/personas");
  return "Saved.";
});
