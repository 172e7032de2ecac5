import { formatRangeInZone } from "@/lib/time/zones";

/** When an event takes place, in its own zone, and in the viewer's zone too when that is another one. */
export function EventWhen({ startAt, endAt, eventZone, viewerZone }: { startAt: Date; endAt: Date; eventZone: string; viewerZone: string }) {
  return (
    <span>
      <time dateTime={startAt.toISOString()}>{formatRangeInZone(startAt, endAt, eventZone)}</time>
      {viewerZone !== eventZone ? (
        <span className="block text-sm text-stone-500">
          Your time ({viewerZone}): {formatRangeInZone(startAt, endAt, viewerZone)}
        </span>
      ) : null}
    </span>
  );
}

