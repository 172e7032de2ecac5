import { formatRangeInZone } from "@/lib/time/zones";

/**
 * When an event happens: in its own zone, and in the viewer's zone when that reads differently
 * (Berlin and Paris read the same, so they are shown once).
 */
export function EventWhen({ startAt, endAt, timeZone, viewerTimeZone }: { startAt: Date; endAt: Date; timeZone: string; viewerTimeZone: string }) {
  const there = formatRangeInZone(startAt, endAt, timeZone);
  const here = formatRangeInZone(startAt, endAt, viewerTimeZone);
  return (
    <span className="flex flex-col">
      <time dateTime={startAt.toISOString()}>
        {there} <span className="text-stone-500">({timeZone.replaceAll("_", " ")})</span>
      </time>
      {here !== there ? <span className="text-sm text-stone-600">Your time: {here}</span> : null}
    </span>
  );
}
