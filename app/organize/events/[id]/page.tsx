import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { idOrNotFound } from "@/lib/route-params";
import { findEventForOrganizer } from "@/lib/events/data";
import { EventDetails } from "@/lib/events/components/event-details";
import { EventLifecycle } from "@/lib/events/components/event-lifecycle";
import { ParticipantsTable, WaitlistOrder } from "@/lib/events/components/participants-table";
import { eventLimits } from "@/lib/events/limits";
import { checkInIsOpen } from "@/lib/events/rules";
import { CalendarFileLink } from "@/lib/calendar/components/calendar-file-link";
import { hostChoices, hostsAndPersonasOfEvent, personaChoices } from "@/lib/hosts/data";
import { EventHostsSection } from "@/lib/hosts/components/event-hosts-section";
import { formatInZone } from "@/lib/time/zones";
import { seriesOfEvent } from "@/lib/series/data";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Event" };

export default async function OrganizerEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/organize/events/[id]");
  const id = idOrNotFound((await params).id);
  const detail = await findEventForOrganizer(id);
  if (!detail) notFound();
  const now = appNow();
  const [attached, hosts, personas, series] = await Promise.all([hostsAndPersonasOfEvent(id), hostChoices(), personaChoices(), seriesOfEvent(id)]);
  const { event } = detail;
  const changeable = event.status !== "cancelled" && event.status !== "completed" && event.startAt.getTime() > now.getTime();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/organize" className="link">
          ← All events
        </Link>
      </p>
      <PageHeader title={detail.event.title} actions={
          <>
            <CalendarFileLink eventId={detail.event.id} />
            <EventLifecycle event={detail.event} now={now} limits={eventLimits()} />
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {event.consentFlaggedAt ? (
          <p role="alert" className="alert-error">
            A customer host withdrew their consent on {formatInZone(event.consentFlaggedAt, user.timeZone)}: it no longer covers this safari. Remove the
            host, record a new consent that covers it, or cancel the safari.
          </p>
        ) : null}
        <Card title="Details">
          <EventDetails detail={detail} viewerTimeZone={user.timeZone} />
          <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href={`/safaris/${event.id}/briefing`} className="link">
              The briefing as executives read it
            </Link>
            {series ? (
              <Link href={`/organize/series/${series.seriesId}`} className="link">
                Date {(series.index ?? 0) + 1} of a series of {series.count}
              </Link>
            ) : null}
          </p>
        </Card>
        <Card title="Hosts and personas">
          <EventHostsSection
            eventId={event.id}
            hosts={attached.hosts}
            personas={attached.personas}
            hostChoices={hosts}
            personaChoices={personas}
            changeable={changeable}
          />
        </Card>
        <Card title="Participants">
          <ParticipantsTable eventId={detail.event.id} participants={detail.participants} checkInOpen={checkInIsOpen(detail.event, now)} viewerTimeZone={user.timeZone} />
        </Card>
        <Card title="Waitlist">
          <WaitlistOrder waitlist={detail.waitlist} viewerTimeZone={user.timeZone} />
        </Card>
      </div>
    </>
  );
}
