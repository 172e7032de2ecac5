import { requirePage } from "@/lib/auth/loaders";
import { departmentChoices, listCommitments } from "@/lib/commitments/data";
import { sharedCommitmentFilters, sharedCommitmentListSchema } from "@/lib/commitments/list";
import { SharedCommitmentFilter } from "@/lib/commitments/components/commitment-filters";
import { CommitmentList } from "@/lib/commitments/components/commitment-list";
import { getEnv } from "@/lib/env";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { todayIn } from "@/lib/reflections/schema";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Commitments" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SharedCommitmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/organize/commitments");
  const params = await searchParams;
  const departments = await departmentChoices();
  const parsed = parseListParams(sharedCommitmentListSchema, params);
  const header = (
    <PageHeader title="Commitments" description="What executives committed to on reflections shared with the CX team, by due date; overdue ones are marked." />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <SharedCommitmentFilter departments={departments} values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }
  const filter = parsed.data;
  // Overdue by the organisation's calendar, as the summary judges it.
  const today = todayIn(getEnv().ORG_TIME_ZONE, appNow());
  const query = { scope: { sharedWithCxTeam: true as const, search: filter.q, department: filter.department }, status: filter.status, today };
  const pageSize = pageSizeOf(filter);
  const requested = await listCommitments(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listCommitments(query, null, pageSize))!;
  const filters = sharedCommitmentFilters(filter);
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <SharedCommitmentFilter departments={departments} values={filters} />
      <Card>
        <MatchCount count={page.count} one="commitment" many="commitments" />
        {page.rows.length > 0 ? (
          <CommitmentList rows={page.rows} history={page.history} today={today} zone={user.timeZone} own={false} />
        ) : (
          <EmptyState>No commitment matches.</EmptyState>
        )}
        <Pager label="Pages of commitments" previous={page.previous} next={page.next} href={(position) => listHref("/organize/commitments", filters, position)} />
      </Card>
    </>
  );
}
