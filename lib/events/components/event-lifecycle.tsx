import Link from "next/link";
import type { Event } from "@/db/schema";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { changeEventStatusAction } from "../actions";

/** The buttons that move an event along draft → published → completed, or to cancelled. */
export function EventLifecycle({ event, now }: { event: Pick<Event, "id" | "status" | "startAt" | "endAt">; now: Date }) {
  const open = event.status === "draft" || event.status === "published";
  return (
    <ActionForm action={changeEventStatusAction} fields={{ eventId: event.id }}>
      {open ? (
        <Link href={`/organize/events/${event.id}/edit`} className="btn-secondary">
          Edit event
        </Link>
      ) : null}
      {event.status === "draft" && event.startAt > now ? (
        <ActionButton name="to" value="publish">
          Publish
        </ActionButton>
      ) : null}
      {event.status === "published" && event.endAt <= now ? (
        <ActionButton name="to" value="complete">
          Mark completed
        </ActionButton>
      ) : null}
      {open ? (
        <ActionButton name="to" value="cancel" variant="danger">
          Cancel event
        </ActionButton>
      ) : null}
    </ActionForm>
  );
}
