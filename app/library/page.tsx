import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { personaChoices } from "@/lib/hosts/data";
import { commitmentInScope, libraryScopeFor, listLibrary, type LibraryQuery } from "@/lib/library/data";
import { libraryFilters, libraryListSchema } from "@/lib/library/schema";
import { LibraryFilter } from "@/lib/library/components/library-filter";
import { MomentList } from "@/lib/library/components/moment-list";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { dayRangeIn } from "@/lib/time/zones";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";

export const metadata = { title: "Ouch/aah library" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/library");
  const params = await searchParams;
  const organizer = user.role === "organizer";
  // The page's policy lets in organizers and executives only; the scope is the read rule (lib/library/data.ts).
  const scope = libraryScopeFor(user);
  const [types, personas] = await Promise.all([listEventTypes(), personaChoices()]);
  const typeOptions = types.map((type) => ({ value: type.key, label: type.name }));
  const personaOptions = personas.map((persona) => ({ value: persona.id, label: persona.name }));
  const header = (
    <PageHeader
      title="Ouch/aah library"
      description={
        organizer
          ? "The moments of reflections shared with the CX team, newest safari first, and what they led to."
          : "The moments of your own reflections, newest safari first, and what they led to."
      }
    />
  );
  const parsed = parseListParams(libraryListSchema, params);
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <LibraryFilter values={rawValues(params)} errors={parsed.fieldErrors} typeOptions={typeOptions} personaOptions={personaOptions} />
      </>
    );
  }
  const filter = parsed.data;
  const { start, end } = dayRangeIn(filter.from, filter.to, user.timeZone);
  const query: LibraryQuery = {
    scope,
    search: filter.q,
    kind: filter.kind,
    personaId: filter.persona,
    eventType: filter.type,
    emotion: filter.emotion,
    stage: filter.stage,
    start,
    end,
    commitmentId: filter.commitment,
  };
  const pageSize = pageSizeOf(filter);
  const [requested, commitment] = await Promise.all([
    listLibrary(query, cursorOf(filter), pageSize),
    filter.commitment ? commitmentInScope(scope, filter.commitment) : Promise.resolve(null),
  ]);
  const page = requested ?? (await listLibrary(query, null, pageSize))!;
  const filters = libraryFilters(filter);
  const countText = page.countCapped
    ? `More than ${page.count.toLocaleString("en")} moments match.`
    : page.count === 1
      ? "1 moment matches."
      : `${page.count.toLocaleString("en")} moments match.`;
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      {filter.commitment ? (
        <p className="mb-4 text-stone-700">
          {commitment ? <>The moments this commitment answers: “{commitment.body}”.</> : "No moments of that commitment are in your library."}{" "}
          <a href={listHref("/library", { ...filters, commitment: undefined })} className="underline">
            Show all moments
          </a>
        </p>
      ) : null}
      <LibraryFilter values={filters} typeOptions={typeOptions} personaOptions={personaOptions} />
      <Card>
        <p role="status" className="mb-3 text-sm text-stone-600">
          {countText}
        </p>
        {page.rows.length > 0 ? (
          <MomentList rows={page.rows} commitments={page.commitments} zone={user.timeZone} showAuthor={organizer} />
        ) : (
          <EmptyState>No moment matches.</EmptyState>
        )}
        <Pager label="Pages of moments" previous={page.previous} next={page.next} href={(position) => listHref("/library", filters, position)} />
      </Card>
    </>
  );
}
