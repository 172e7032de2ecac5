import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { typeOptions as typeOptionsOf } from "@/lib/event-types/schema";
import { listOpenSafaris, listPersonaChoices } from "@/lib/participation/data";
import { openSafariFilters, openSafariListSchema } from "@/lib/participation/list";
import { OpenSafariFilter } from "@/lib/participation/components/open-safari-filter";
import { OpenSafarisList } from "@/lib/participation/components/open-safaris-list";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { dayRangeIn } from "@/lib/time/zones";
import { PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Open safaris" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OpenSafarisPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/safaris");
  const params = await searchParams;
  const [personas, types] = await Promise.all([listPersonaChoices(), listEventTypes()]);
  const typeOptions = typeOptionsOf(types);
  const parsed = parseListParams(openSafariListSchema, params);
  const header = <PageHeader title="Open safaris" description="Meet one real customer: sign up for a safari with a free seat, or join a full one's waitlist." />;

  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <OpenSafariFilter personas={personas} typeOptions={typeOptions} values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const query = { now: appNow(), type: filter.type, personaId: filter.persona, ...dayRangeIn(filter.from, filter.to, user.timeZone), freeSeats: filter.seats === "free" };
  const pageSize = pageSizeOf(filter);
  const requested = await listOpenSafaris(user.id, query, cursorOf(filter), pageSize);
  const page = requested ?? (await listOpenSafaris(user.id, query, null, pageSize))!;
  const filters = openSafariFilters(filter);

  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <OpenSafariFilter personas={personas} typeOptions={typeOptions} values={filters} />
      <MatchCount count={page.count} one="safari" many="safaris" />
      <OpenSafarisList safaris={page.rows} viewerTimeZone={user.timeZone} />
      <Pager label="Pages of open safaris" previous={page.previous} next={page.next} href={(position) => listHref("/safaris", filters, position)} />
    </>
  );
}
