import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { idOrNotFound } from "@/lib/route-params";
import { findEventForOrganizer } from "@/lib/events/data";
import { CancelEventForm } from "@/lib/events/components/cancel-event-form";
import { EventWhen } from "@/lib/events/components/event-when";
import { cancelVerdict } from "@/lib/events/rules";
import { holdsSeat } from "@/lib/participation/rules";
import { PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Cancel event" };

export default async function CancelEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/organize/events/[id]/cancel");
  const id = idOrNotFound((await params).id);
  const detail = await findEventForOrganizer(id);
  if (!detail) notFound();
  const { event } = detail;
  const back = `/organize/events/${event.id}`;
  const verdict = cancelVerdict(event, appNow());
  const onIt = detail.participants.filter((p) => holdsSeat(p.status) || p.status === "waitlisted").length;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={`Cancel “${event.title}”?`}
        description={<EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={user.timeZone} />}
      />
      {verdict.ok ? (
        <>
          <p className="mb-4 text-stone-700">
            {onIt === 0
              ? "Nobody is on this safari yet."
              : onIt === 1
                ? "1 executive is on this safari: they lose their seat and see the cancellation with your reason."
                : `${onIt} executives are on this safari: they lose their seats and see the cancellation with your reason.`}{" "}
            A cancelled safari cannot be opened again.
          </p>
          <CancelEventForm eventId={event.id} backHref={back} />
        </>
      ) : (
        <>
          <p className="alert-error">{verdict.why}</p>
          <p className="mt-4">
            <Link href={back} className="link">
              Back to the event
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
