import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { listEventsForOrganizer } from "@/lib/events/data";
import { eventListFilters, eventListSchema } from "@/lib/events/list";
import { EventListFilter } from "@/lib/events/components/event-list-filter";
import { EventsTable } from "@/lib/events/components/events-table";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { dayRangeIn } from "@/lib/time/zones";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Events" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OrganizeHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/organize");
  const params = await searchParams;
  const parsed = parseListParams(eventListSchema, params);
  const typeOptions = (await listEventTypes()).map((type) => ({ value: type.key, label: type.name }));
  const header = (
    <PageHeader
      title="Events"
      description="Every safari of the programme. Dates are days in your time zone."
      actions={
        <>
          <Link href="/organize/series/new" className="btn-secondary">
            New series
          </Link>
          <Link href="/organize/events/new" className="btn-primary">
            New event
          </Link>
        </>
      }
    />
  );

  if (!parsed.success) {
    // Show the form with what was asked for, so it can be corrected; list nothing rather than guess.
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <EventListFilter typeOptions={typeOptions} values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const when = filter.when ?? "upcoming";
  const query = { when, now: appNow(), status: filter.status, type: filter.type, ...dayRangeIn(filter.from, filter.to, user.timeZone), title: filter.q };
  const pageSize = pageSizeOf(filter);
  const requested = await listEventsForOrganizer(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listEventsForOrganizer(query, null, pageSize))!;
  const filters = eventListFilters(filter);
  const label = when === "upcoming" ? "Upcoming events, soonest first" : "Past events, latest first";

  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <EventListFilter typeOptions={typeOptions} values={filters} />
      <Card title={when === "upcoming" ? "Upcoming" : "Past"}>
        <MatchCount count={page.count} one="event" many="events" />
        {page.rows.length > 0 ? (
          <EventsTable events={page.rows} caption={label} viewerTimeZone={user.timeZone} />
        ) : (
          <EmptyState>{when === "upcoming" ? "No upcoming events match. Create one to get your executives out to customers." : "No past events match."}</EmptyState>
        )}
        <Pager label="Pages of events" previous={page.previous} next={page.next} href={(position) => listHref("/organize", filters, position)} />
      </Card>
    </>
  );
}
