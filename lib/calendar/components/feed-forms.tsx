"use client";

import { useActionState } from "react";
import { createCalendarFeedAction, revokeCalendarFeedAction, type FeedState } from "@/lib/calendar/feeds/actions";
import { idleState } from "@/lib/forms";
import { SubmitButton } from "@/lib/ui/form";
import { TextField } from "@/lib/ui/fields";

export function CalendarFeedForms({ feedId }: { feedId: string | null }) {
  const [created, create] = useActionState<FeedState, FormData>(createCalendarFeedAction, idleState);
  const [revoked, revoke] = useActionState<FeedState, FormData>(revokeCalendarFeedAction, idleState);
  return (
    <div className="flex flex-col gap-4">
      <form action={create} className="flex flex-col gap-2">
        <input type="hidden" name="currentFeedId" value={feedId ?? ""} />
        <div>
          <SubmitButton pendingLabel="Making…">{feedId ? "Replace feed link" : "Create feed link"}</SubmitButton>
        </div>
        <Outcome state={created} field="currentFeedId" />
        {created.status === "created" ? (
          <>
            <TextField name="feedUrl" label="Feed URL" value={created.url} readOnly hint="Copy it now: it is shown only once." />
            <TextField name="webcalUrl" label="Webcal URL" value={created.webcalUrl} readOnly hint="Opens your calendar app's subscribe dialog." />
          </>
        ) : null}
      </form>
      {feedId ? (
        <form action={revoke} className="flex flex-col gap-2">
          <input type="hidden" name="feedId" value={feedId} />
          <div>
            <button type="submit" className="btn-secondary text-rose-700">
              Revoke feed link
            </button>
          </div>
          <Outcome state={revoked} field="feedId" />
        </form>
      ) : (
        <Outcome state={revoked} field="feedId" />
      )}
    </div>
  );
}

/** What happened: the message, and the form's one field error (its field is hidden, so it is said here). */
function Outcome({ state, field }: { state: FeedState; field: string }) {
  if (state.status === "idle") return null;
  if (state.status === "error") {
    return (
      <p role="alert" className="alert-error">
        {state.fieldErrors?.[field]?.join(" ") ?? state.message}
      </p>
    );
  }
  return (
    <p role="status" className="alert-success">
      {state.message}
    </p>
  );
}
