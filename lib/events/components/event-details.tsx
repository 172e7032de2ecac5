import { formatInZone } from "@/lib/time/zones";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import { EventLogistics } from "./event-logistics";
import type { OrganizerEvent } from "../data";
import { EventStatusBadge } from "./event-status-badge";
import { EventWhen } from "./event-when";

/** Everything the CX team knows about one event, hosts included. */
export function EventDetails({ detail, viewerTimeZone }: { detail: OrganizerEvent; viewerTimeZone: string }) {
  const { event } = detail;
  return (
    <DetailList>
      <Detail label="Type">{event.typeName}</Detail>
      <Detail label="Status">
        <EventStatusBadge status={event.status} />
      </Detail>
      {event.status === "cancelled" && event.cancelledAt ? (
        <Detail label="Cancelled">
          <span className="flex flex-col">
            <span>{formatInZone(event.cancelledAt, viewerTimeZone)}</span>
            <span className="whitespace-pre-line">{event.cancellationReason}</span>
          </span>
        </Detail>
      ) : null}
      <Detail label="When">
        <EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={viewerTimeZone} />
      </Detail>
      <Detail label="Place">{event.location || "Not set yet"}</Detail>
      <EventLogistics event={event} meetingLabel="Who meets the executives" frontlineLabel="Frontline colleague" />
      <Detail label="Seats taken">
        <span className="tabular-nums">
          {event.seatsTaken} of {event.seats}
        </span>
      </Detail>
      <Detail label="Personas">{detail.personas.length > 0 ? detail.personas.join(", ") : "None yet"}</Detail>
      <Detail label="Customer hosts">{detail.hosts.length > 0 ? detail.hosts.join(", ") : "None yet"}</Detail>
      <Detail label="Briefing">
        <span className="whitespace-pre-line">{event.briefing || "No briefing yet."}</span>
      </Detail>
    </DetailList>
  );
}
