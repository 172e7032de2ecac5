import Link from "next/link";
import type { EventListItem } from "../data";
import { EventStatusBadge } from "./event-status-badge";
import { EventWhen } from "./event-when";

/** The organizer's list of events; `caption` names the group (upcoming or past) for screen readers. */
export function EventsTable({ events, caption, viewerTimeZone }: { events: EventListItem[]; caption: string; viewerTimeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col" className="hidden sm:table-cell">
              Status
            </th>
            <th scope="col" className="hidden text-right sm:table-cell">
              Seats taken
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="min-w-36">
                <Link href={`/organize/events/${event.id}`} className="link">
                  {event.title}
                </Link>
                <div className="text-xs text-stone-500">{event.typeName}</div>
                {event.consentFlaggedAt ? <div className="text-xs font-medium text-rose-700">Consent withdrawn: change the host or cancel</div> : null}
                {/* On a phone the last two columns fold in here. */}
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-600 sm:hidden">
                  <EventStatusBadge status={event.status} />
                  <span>
                    {event.seatsTaken} / {event.seats} seats
                  </span>
                </div>
              </td>
              <td className="min-w-40">
                <EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={viewerTimeZone} />
              </td>
              <td className="hidden sm:table-cell">
                <EventStatusBadge status={event.status} />
              </td>
              <td className="hidden text-right tabular-nums sm:table-cell">
                {event.seatsTaken} / {event.seats}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
