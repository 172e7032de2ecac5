import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { idOrNotFound } from "@/lib/route-params";
import { findEventForOrganizer } from "@/lib/events/data";
import { EventForm } from "@/lib/events/components/event-form";
import { listEventTypes } from "@/lib/event-types/data";
import { eventLimits } from "@/lib/events/limits";
import { editVerdict } from "@/lib/events/rules";
import { instantToLocal } from "@/lib/time/zones";
import { PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("/organize/events/[id]/edit");
  const id = idOrNotFound((await params).id);
  const detail = await findEventForOrganizer(id);
  if (!detail) notFound();
  const { event } = detail;
  const editable = editVerdict(event, appNow());
  if (!editable.ok) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={`Edit “${event.title}”`} />
        <p className="alert-error">{editable.why}</p>
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
        limits={eventLimits()}
        types={await listEventTypes()}
        initial={{
          type: event.type,
          title: event.title,
          briefing: event.briefing,
          location: event.location,
          start: instantToLocal(event.startAt, event.timeZone),
          end: instantToLocal(event.endAt, event.timeZone),
          timeZone: event.timeZone,
          seats: String(event.seats),
          videoUrl: event.videoUrl,
          meetingContact: event.meetingContact,
          frontlineName: event.frontlineName,
          frontlineRole: event.frontlineRole,
        }}
      />
    </div>
  );
}
