"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { assertFormData, requireAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/config";
import { getEnv } from "@/lib/env";
import { appErrorMessages, type AppErrorCode } from "@/lib/errors/app-error";
import { formValues, validateForm, type ActionState, type FieldErrors } from "@/lib/forms";
import { NotYourLiveFeed, replaceFeed, revokeFeed } from "./mutations";
import { createFeedSchema, revokeFeedSchema } from "./schema";
import { feedUrls } from "./token";
import { appNow } from "@/lib/time/clock";

/** What the feed form shows: besides the usual outcome, the new link once, right after it was made. */
export type FeedState = ActionState | { status: "created"; message: string; url: string; webcalUrl: string };

const notYours = "This is not your current feed link: reload the page and try again.";

export async function createCalendarFeedAction(_previous: FeedState, formData: FormData): Promise<FeedState> {
  const checked = await checkForm("createCalendarFeedAction", await requireAction("createCalendarFeedAction"), createFeedSchema, formData);
  if ("failure" in checked) return checked.failure;
  try {
    const { token } = await replaceFeed(checked.user.id, checked.input.currentFeedId || null, appNow());
    revalidatePath("/account");
    return { status: "created", message: "Your new feed link is below. Copy it now: it is shown only once.", ...feedUrls(getEnv().APP_URL, token) };
  } catch (error) {
    if (error instanceof NotYourLiveFeed) return failure("VALIDATION", { currentFeedId: [notYours] });
    throw error;
  }
}

export async function revokeCalendarFeedAction(_previous: FeedState, formData: FormData): Promise<FeedState> {
  const checked = await checkForm("revokeCalendarFeedAction", await requireAction("revokeCalendarFeedAction"), revokeFeedSchema, formData);
  if ("failure" in checked) return checked.failure;
  try {
    await revokeFeed(checked.user.id, checked.input.feedId, appNow());
  } catch (error) {
    if (error instanceof NotYourLiveFeed) return failure("VALIDATION", { feedId: [notYours] });
    throw error;
  }
  revalidatePath("/account");
  return { status: "success", message: "Your feed link is revoked: calendars subscribed to it get nothing more." };
}

/**
 * What validatedAction does (the policy row, then the form's schema), for these two actions, whose state
 * carries the new link besides the usual outcome.
 */
async function checkForm<S extends z.ZodType>(
  name: "createCalendarFeedAction" | "revokeCalendarFeedAction",
  access: Awaited<ReturnType<typeof requireAction>>,
  schema: S,
  formData: unknown,
): Promise<{ failure: FeedState } | { user: SessionUser; input: z.output<S> }> {
  assertFormData(name, formData);
  if ("refused" in access) return { failure: failure(access.refused) };
  if (!access.user) return { failure: failure("UNAUTHENTICATED") };
  const parsed = validateForm(schema, formValues(formData));
  if (!parsed.success) return { failure: failure("VALIDATION", parsed.fieldErrors) };
  return { user: access.user, input: parsed.data };
}

function failure(code: AppErrorCode, fieldErrors?: FieldErrors): FeedState {
  return { status: "error", code, message: appErrorMessages[code], fieldErrors };
}
