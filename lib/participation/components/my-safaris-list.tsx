import Link from "next/link";
import { EventWhen } from "@/lib/events/components/event-when";
import { EmptyState } from "@/lib/ui/page";
import type { MySafari } from "../data";
import { reflectionVerdict } from "../rules";
import { CancellationNotice } from "./cancellation-notice";
import { ParticipationStatusBadge } from "./participation-status-badge";

/** The executive's own safaris; cancelled ones say why, attended ones lead on to the reflection once it has begun. */
export function MySafarisList({ safaris, viewerTimeZone, empty, now }: { safaris: MySafari[]; viewerTimeZone: string; empty: string; now: Date }) {
  if (safaris.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="flex flex-col divide-y divide-stone-100">
      {safaris.map((safari) => (
        <li key={safari.participationId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex flex-col gap-1">
            <h3 className="font-semibold">
              <Link href={`/safaris/${safari.eventId}`} className="link">
                {safari.title}
              </Link>
            </h3>
            <p className="text-xs text-stone-500">{safari.typeName}</p>
            <EventWhen startAt={safari.startAt} endAt={safari.endAt} timeZone={safari.timeZone} viewerTimeZone={viewerTimeZone} />
            {safari.eventStatus === "cancelled" ? (
              <CancellationNotice cancelledAt={safari.cancelledAt} reason={safari.cancellationReason} viewerTimeZone={viewerTimeZone} />
            ) : null}
          </div>
          <div className="flex flex-row flex-wrap items-center gap-3 sm:flex-col sm:items-end">
            <ParticipationStatusBadge status={safari.status} />
            {safari.status === "attended" ? (
              safari.reflectionId ? (
                <Link href={`/reflections/${safari.reflectionId}`} className="link" aria-label={`Read reflection on ${safari.title}`}>
                  Read reflection
                </Link>
              ) : reflectionVerdict(safari, safari.status, now).ok ? (
                <Link
                  href={`/reflections/new?participation=${safari.participationId}`}
                  className="link"
                  aria-label={`Write reflection on ${safari.title}`}
                >
                  Write reflection
                </Link>
              ) : (
                <span className="text-sm text-stone-600">You can reflect once it has begun</span>
              )
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
