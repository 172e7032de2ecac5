import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { listHosts, personaChoices } from "@/lib/hosts/data";
import { hostFilters, hostListSchema } from "@/lib/hosts/list";
import { HostFilter } from "@/lib/hosts/components/host-filters";
import { HostsTable } from "@/lib/hosts/components/hosts-table";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Customer hosts" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function HostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage("/organize/hosts");
  const params = await searchParams;
  const personas = await personaChoices();
  const parsed = parseListParams(hostListSchema, params);
  const header = (
    <PageHeader
      title="Customer hosts"
      description="The customers who host safaris: only what running them needs, and the consents they gave."
      actions={
        <Link href="/organize/hosts/new" className="btn-primary">
          Add a host
        </Link>
      }
    />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <HostFilter personas={personas} values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }
  const filter = parsed.data;
  const query = { now: appNow(), search: filter.q, personaId: filter.persona, archived: filter.archived === "only" };
  const pageSize = pageSizeOf(filter);
  const requested = await listHosts(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listHosts(query, null, pageSize))!;
  const filters = hostFilters(filter);
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <HostFilter personas={personas} values={filters} />
      <Card>
        <MatchCount count={page.count} one="host" many="hosts" />
        {page.rows.length > 0 ? <HostsTable hosts={page.rows} /> : <EmptyState>No host matches.</EmptyState>}
        <Pager label="Pages of hosts" previous={page.previous} next={page.next} href={(position) => listHref("/organize/hosts", filters, position)} />
      </Card>
    </>
  );
}
