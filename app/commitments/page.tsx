import { requirePage } from "@/lib/auth/loaders";
import { listCommitments } from "@/lib/commitments/data";
import { myCommitmentFilters, myCommitmentListSchema } from "@/lib/commitments/list";
import { MyCommitmentFilter } from "@/lib/commitments/components/commitment-filters";
import { CommitmentList } from "@/lib/commitments/components/commitment-list";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { todayIn } from "@/lib/reflections/schema";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "My commitments" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function MyCommitmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/commitments");
  const params = await searchParams;
  const parsed = parseListParams(myCommitmentListSchema, params);
  const header = <PageHeader title="My commitments" description="What you said you would change after your safaris: move each on, and close the loop when it is done." />;
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <MyCommitmentFilter values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }
  const filter = parsed.data;
  // Overdue on the executive's own calendar, as the reflection page judges it.
  const today = todayIn(user.timeZone, appNow());
  const query = { scope: { ownerId: user.id }, status: filter.status, today };
  const pageSize = pageSizeOf(filter);
  const requested = await listCommitments(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listCommitments(query, null, pageSize))!;
  const filters = myCommitmentFilters(filter);
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <MyCommitmentFilter values={filters} />
      <Card>
        <MatchCount count={page.count} one="commitment" many="commitments" />
        {page.rows.length > 0 ? (
          <CommitmentList rows={page.rows} history={page.history} today={today} zone={user.timeZone} own />
        ) : (
          <EmptyState>No commitment matches.</EmptyState>
        )}
        <Pager label="Pages of commitments" previous={page.previous} next={page.next} href={(position) => listHref("/commitments", filters, position)} />
      </Card>
    </>
  );
}
