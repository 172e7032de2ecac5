import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { Agenda } from "@/lib/agenda/components/agenda";
import { agendaEntries, agendaLimit } from "@/lib/agenda/data";
import { agendaGrid, type AgendaView } from "@/lib/agenda/grid";
import { parseAgendaQuery } from "@/lib/agenda/schema";
import { formatInZone } from "@/lib/time/zones";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Agenda" };

export default async function AgendaPage({ searchParams }: { searchParams: Promise<{ view?: string | string[]; date?: string | string[] }> }) {
  const user = await requirePage("/agenda");
  const zone = user.timeZone;
  const today = formatInZone(appNow(), zone, "yyyy-MM-dd");
  const { view, date, errors } = parseAgendaQuery(await searchParams, today);
  const grid = agendaGrid(view, date, zone);
  const entries = await agendaEntries(user, grid);
  const href = (to: { view?: AgendaView; date?: string }) => `/agenda?view=${to.view ?? view}&date=${to.date ?? date}`;
  const title = view === "week" ? `Week of ${formatInZone(grid.start, zone, "d MMMM yyyy")}` : formatInZone(grid.start, zone, "MMMM yyyy");
  const hrefOf = (id: string) => (user.role === "organizer" ? `/organize/events/${id}` : `/safaris/${id}`);
  // A month's day opens its week; a week's day the organizer's event list of that day (paged in SQL).
  const moreHref = (day: string) =>
    view === "month" || user.role !== "organizer" ? href({ view: "week", date: day }) : `/organize?when=${day < today ? "past" : "upcoming"}&from=${day}&to=${day}`;
  const problems = Object.values(errors);

  return (
    <>
      <PageHeader
        title="Agenda"
        description={`${user.role === "organizer" ? "Every safari, drafts marked" : "Your safaris"}, in your time zone (${zone}).`}
      />
      {problems.length > 0 ? (
        <p role="alert" className="alert-error mb-4">
          {problems.join(" ")} Showing {view === "week" ? "the week" : "the month"} of {date} instead.
        </p>
      ) : null}
      <Card>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
          <nav aria-label="Agenda period" className="flex flex-wrap gap-2">
            <Link href={href({ date: grid.previous })} className="btn-secondary">
              Previous {view}
            </Link>
            <Link href={href({ date: today })} className="btn-secondary">
              Today
            </Link>
            <Link href={href({ date: grid.next })} className="btn-secondary">
              Next {view}
            </Link>
            {(["week", "month"] as const).map((option) => (
              <Link key={option} href={href({ view: option })} aria-current={option === view ? "page" : undefined} className={option === view ? "btn-primary" : "btn-secondary"}>
                {option === "week" ? "Week" : "Month"}
              </Link>
            ))}
          </nav>
        </div>
        {entries.length >= agendaLimit ? (
          <p role="status" className="mb-2 text-sm text-amber-800">
            Only the first {agendaLimit} safaris of this {view} are read: choose the week view to see them all.
          </p>
        ) : null}
        <Agenda grid={grid} entries={entries} zone={zone} hrefOf={hrefOf} moreHref={moreHref} />
      </Card>
    </>
  );
}
