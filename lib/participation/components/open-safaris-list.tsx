import Link from "next/link";
import { EventWhen } from "@/lib/events/components/event-when";
import { Badge, EmptyState } from "@/lib/ui/page";
import type { OpenSafari } from "../data";

export function OpenSafarisList({ safaris, viewerTimeZone }: { safaris: OpenSafari[]; viewerTimeZone: string }) {
  if (safaris.length === 0) return <EmptyState>No open safaris right now. The CX team publishes new ones regularly.</EmptyState>;
  return (
    <ul className="flex flex-col gap-4" aria-label="Open safaris">
      {safaris.map((safari) => {
        const seatsLeft = safari.seats - safari.seatsTaken;
        return (
          <li key={safari.id} className="card flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex flex-col gap-1">
              <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{safari.typeName}</p>
              <h2 className="text-lg font-semibold">
                <Link href={`/safaris/${safari.id}`} className="link">
                  {safari.title}
                </Link>
              </h2>
              <EventWhen startAt={safari.startAt} endAt={safari.endAt} timeZone={safari.timeZone} viewerTimeZone={viewerTimeZone} />
            </div>
            <div className="flex flex-row gap-2 sm:flex-col sm:items-end">
              {safari.going ? <Badge tone="green">You&apos;re going</Badge> : null}
              {safari.myStatus === "invited" ? <Badge tone="amber">You&apos;re invited</Badge> : null}
              {safari.myStatus === "waitlisted" ? <Badge tone="amber">On the waitlist</Badge> : null}
              <span className="text-sm text-stone-600">
                {seatsLeft <= 0 ? "Full: waitlist open" : seatsLeft === 1 ? "1 seat left" : `${seatsLeft} seats left`}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
