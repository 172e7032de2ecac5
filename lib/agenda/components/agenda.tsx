import Link from "next/link";
import type { ParticipationStatus } from "@/db/enums";
import type { AgendaEntry } from "@/lib/agenda/data";
import { entriesByDay, monthWeeks, shownPerDay, type AgendaGrid } from "@/lib/agenda/grid";
import { formatInZone, startOfDayIn } from "@/lib/time/zones";
import { Badge } from "@/lib/ui/page";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const participationMarks: Partial<Record<ParticipationStatus, { label: string; tone: "green" | "amber" | "blue" | "red" | "neutral" }>> = {
  confirmed: { label: "Confirmed", tone: "green" },
  attended: { label: "Attended", tone: "green" },
  invited: { label: "Invited", tone: "blue" },
  waitlisted: { label: "Waitlisted", tone: "amber" },
  no_show: { label: "No-show", tone: "neutral" },
};

/**
 * The agenda's days, each a section with its heading: a list for a week, a table of weeks for a month.
 * A day shows its first few entries and links to the rest (`moreHref`).
 */
export function Agenda({
  grid,
  entries,
  zone,
  hrefOf,
  moreHref,
}: {
  grid: AgendaGrid;
  entries: AgendaEntry[];
  zone: string;
  hrefOf: (id: string) => string;
  moreHref: (day: string) => string;
}) {
  const byDay = entriesByDay(entries, grid.days, zone);
  const limit = shownPerDay[grid.view];
  const day = (date: string) => <Day key={date} date={date} entries={byDay.get(date) ?? []} limit={limit} moreHref={moreHref(date)} zone={zone} hrefOf={hrefOf} />;
  if (grid.view === "week") return <div className="flex flex-col gap-3">{grid.days.map(day)}</div>;
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <thead>
        <tr>
          {weekdays.map((name) => (
            <th key={name} scope="col" className="p-1 text-left font-medium text-stone-600">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(grid.days).map((week) => (
          <tr key={week.find(Boolean)} className="align-top">
            {week.map((date, i) => (
              <td key={date ?? `blank-${i}`} className="border border-stone-200 p-1">
                {date ? day(date) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Day({
  date,
  entries,
  limit,
  moreHref,
  zone,
  hrefOf,
}: {
  date: string;
  entries: AgendaEntry[];
  limit: number;
  moreHref: string;
  zone: string;
  hrefOf: (id: string) => string;
}) {
  const headingId = `day-${date}`;
  const more = entries.length - limit;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="text-sm font-semibold text-stone-800">
        {formatInZone(startOfDayIn(date, zone), zone, "EEEE d MMMM yyyy")}
      </h2>
      {entries.length === 0 ? null : (
        <ul className="mt-1 flex flex-col gap-1">
          {entries.slice(0, limit).map((entry) => (
            <li key={entry.id}>
              <Entry entry={entry} zone={zone} href={hrefOf(entry.id)} />
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? (
        <p className="mt-1">
          <Link href={moreHref} className="link text-sm">
            {more} more on this day
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Entry({ entry, zone, href }: { entry: AgendaEntry; zone: string; href: string }) {
  const cancelled = entry.status === "cancelled";
  const mark = entry.mine ? participationMarks[entry.mine] : undefined;
  const title = (
    <Link href={href} className="font-medium text-stone-900 underline-offset-2 hover:underline">
      {entry.title}
    </Link>
  );
  return (
    <div className="rounded border border-stone-200 bg-white px-2 py-1">
      <p className="text-stone-600">
        {times(entry, zone)}
        {entry.timeZone !== zone ? <span className="ml-1">({times(entry, entry.timeZone)} {entry.timeZone})</span> : null}
      </p>
      <p>{cancelled ? <s>{title}</s> : title}</p>
      <p className="flex flex-wrap gap-1">
        {cancelled ? <Badge tone="red">Cancelled</Badge> : null}
        {entry.status === "draft" ? <Badge>Draft</Badge> : null}
        {mark && !cancelled ? <Badge tone={mark.tone}>{mark.label}</Badge> : null}
      </p>
    </div>
  );
}

/** "09:00–10:00" in `zone`, with the weekday of the end when it falls on another day there. */
function times(entry: AgendaEntry, zone: string): string {
  const sameDay = formatInZone(entry.startAt, zone, "yyyy-MM-dd") === formatInZone(entry.endAt, zone, "yyyy-MM-dd");
  return `${formatInZone(entry.startAt, zone, sameDay ? "HH:mm" : "EEE HH:mm")}–${formatInZone(entry.endAt, zone, sameDay ? "HH:mm" : "EEE HH:mm")}`;
}
