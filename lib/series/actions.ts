"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import { listEventTypes } from "@/lib/event-types/data";
import { eventLimits } from "@/lib/events/limits";
import type { ActionState } from "@/lib/forms";
import { createSeries, publishSeriesDrafts } from "./mutations";
import { publishSeriesSchema, seriesFormSchema } from "./schema";
import { appNow } from "@/lib/time/clock";

// The schema depends on the moment of the request, the limits and the catalogue, so each call builds its own.
export async function createSeriesAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const action = validatedAction("createSeriesAction", seriesFormSchema(eventLimits(), appNow(), await listEventTypes()), async (input, organizer) => {
    const seriesId = await createSeries(organizer.id, input);
    revalidatePath("/organize");
    redirect(`/organize/series/${seriesId}`);
  });
  return action(previous, formData);
}

export const publishSeriesAction = validatedAction("publishSeriesAction", publishSeriesSchema, async ({ seriesId }, organizer) => {
  const { published, refused } = await publishSeriesDrafts(seriesId, organizer.id, appNow(), eventLimits());
  revalidatePath("/organize");
  revalidatePath(`/organize/series/${seriesId}`);
  revalidatePath("/safaris", "layout");
  const done = `Published ${published} draft${published === 1 ? "" : "s"}.`;
  return refused.length === 0 ? done : `${done} ${refused.length} could not be published; open each to see why.`;
});
