import { EventWhen } from "@/lib/events/components/event-when";
import { EventStatusBadge } from "@/lib/events/components/event-status-badge";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import { EventLogistics } from "@/lib/events/components/event-logistics";
import type { ExecutiveSafari } from "../data";
import { ParticipationStatusBadge } from "./participation-status-badge";

/** What an executive needs to know about a safari: no customer host's name or contact appears here. */
export function SafariDetails({ safari, viewerTimeZone }: { safari: ExecutiveSafari; viewerTimeZone: string }) {
  const { event, participation } = safari;
  return (
    <DetailList>
      <Detail label="Type">{event.typeName}</Detail>
      {event.status !== "published" ? (
        <Detail label="Status">
          <EventStatusBadge status={event.status} />
        </Detail>
      ) : null}
      {participation ? (
        <Detail label="You">
          <ParticipationStatusBadge status={participation.status} />
        </Detail>
      ) : null}
      <Detail label="When">
        <EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={viewerTimeZone} />
      </Detail>
      <Detail label="Place">{event.location || "The CX team will share it soon."}</Detail>
      <EventLogistics event={event} meetingLabel="Who meets you" frontlineLabel="Your frontline colleague" />
      <Detail label="Customers you meet">{safari.personas.length > 0 ? safari.personas.join(", ") : "Described in the briefing"}</Detail>
      <Detail label="Seats left">
        <span className="tabular-nums">
          {event.seats - event.seatsTaken} of {event.seats}
        </span>
      </Detail>
    </DetailList>
  );
}
