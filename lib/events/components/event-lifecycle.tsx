import Link from "next/link";
import type { Event } from "@/db/schema";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { changeEventStatusAction } from "../actions";
import { hasStarted, lifecycle, type EventLimits } from "../rules";

/**
 * The steps that move an event along draft → published → completed, or to cancelled: only those
 * lib/events/rules.ts allows now, and a line saying why the next one is not there yet.
 */
export function EventLifecycle({
  event,
  now,
  limits,
}: {
  event: Pick<Event, "id" | "status" | "startAt" | "endAt" | "timeZone">;
  now: Date;
  limits: EventLimits;
}) {
  const can = lifecycle(event, now, limits);
  const waiting =
    event.status === "draft" && !can.publish.ok
      ? can.publish.why
      : event.status === "published" && hasStarted(event, now) && !can.complete.ok
        ? can.complete.why
        : null;
  return (
    <div className="flex flex-col items-end gap-2">
      <ActionForm action={changeEventStatusAction} fields={{ eventId: event.id }}>
        {can.edit.ok ? (
          <Link href={`/organize/events/${event.id}/edit`} className="btn-secondary">
            Edit event
          </Link>
        ) : null}
        {can.publish.ok ? (
          <ActionButton name="to" value="publish">
            Publish
          </ActionButton>
        ) : null}
        {can.complete.ok ? (
          <ActionButton name="to" value="complete">
            Mark completed
          </ActionButton>
        ) : null}
        {can.cancel.ok ? (
          <Link href={`/organize/events/${event.id}/cancel`} className="btn-secondary text-rose-700">
            Cancel event…
          </Link>
        ) : null}
      </ActionForm>
      {waiting ? <p className="max-w-sm text-right text-sm text-stone-600">{waiting}</p> : null}
    </div>
  );
}
