import { requirePage } from "@/lib/auth/loaders";
import { listDepartments } from "@/lib/cadence/data";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { listExecutives } from "@/lib/people/data";
import { executiveFilters, executiveListSchema } from "@/lib/people/list";
import { ExecutiveFilter } from "@/lib/people/components/people-filters";
import { ExecutivesTable } from "@/lib/people/components/executives-table";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";

export const metadata = { title: "Executives" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ExecutivesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage("/organize/executives");
  const params = await searchParams;
  const departments = await listDepartments();
  const parsed = parseListParams(executiveListSchema, params);
  const header = <PageHeader title="Executives" description="Department, seniority, cadence target and monthly cap of every executive." />;
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <ExecutiveFilter departments={departments} values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const query = { department: filter.department, seniority: filter.seniority, search: filter.q };
  const pageSize = pageSizeOf(filter);
  const requested = await listExecutives(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listExecutives(query, null, pageSize))!;
  const filters = executiveFilters(filter);
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <ExecutiveFilter departments={departments} values={filters} />
      <Card>
        <MatchCount count={page.count} one="executive" many="executives" />
        {page.rows.length > 0 ? <ExecutivesTable executives={page.rows} /> : <EmptyState>No executive matches.</EmptyState>}
        <Pager label="Pages of executives" previous={page.previous} next={page.next} href={(position) => listHref("/organize/executives", filters, position)} />
      </Card>
    </>
  );
}
