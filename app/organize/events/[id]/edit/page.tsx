import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { idOrNotFound } from "@/lib/route-params";
import { findEventForOrganizer } from "@/lib/events/data";
import { EventForm } from "@/lib/events/components/event-form";
import { instantToLocal } from "@/lib/time/zones";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("/organize/events/[id]/edit");
  const id = idOrNotFound((await params).id);
  const detail = await findEventForOrganizer(id);
  if (!detail) notFound();
  const { event } = detail;
  if (event.status !== "draft" && event.status !== "published") {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={`Edit “${event.title}”`} />
        <p className="alert-error">This event is {event.status} and can no longer be changed.</p>
        <p className="mt-4">
          <Link href={`/organize/events/${event.id}`} className="link">
            Back to the event
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={`Edit “${event.title}”`} description="Times are the local times in the event's time zone." />
      <EventForm
        eventId={event.id}
        cancelHref={`/organize/events/${event.id}`}
        initial={{
          type: event.type,
          title: event.title,
          briefing: event.briefing,
          location: event.location,
          start: instantToLocal(event.startAt, event.timeZone),
          end: instantToLocal(event.endAt, event.timeZone),
          timeZone: event.timeZone,
          seats: String(event.seats),
        }}
      />
    </div>
  );
}
