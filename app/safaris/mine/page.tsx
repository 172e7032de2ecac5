import { requirePage } from "@/lib/auth/loaders";
import { listMySafaris } from "@/lib/participation/data";
import { mySafariListSchema, type MySafariTab } from "@/lib/participation/list";
import { MySafarisList } from "@/lib/participation/components/my-safaris-list";
import { cursorOf, listHref, pageSizeOf, parseListParams } from "@/lib/paging/params";
import { Card, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "My safaris" };

type SearchParams = Record<string, string | string[] | undefined>;

const tabs: Record<MySafariTab, { label: string; empty: string }> = {
  upcoming: { label: "Upcoming", empty: "Nothing planned yet. Pick one of the open safaris." },
  past: { label: "Past", empty: "No past safaris yet." },
};

export default async function MySafarisPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePage("/safaris/mine");
  const now = appNow();
  const parsed = parseListParams(mySafariListSchema, await searchParams);
  // A broken link shows the upcoming safaris, saying so, rather than an error page.
  const filter = parsed.success ? parsed.data : {};
  const when = filter.when ?? "upcoming";
  const pageSize = pageSizeOf(filter);
  const requested = await listMySafaris(user.id, when, now, cursorOf(filter), pageSize);
  const page = requested ?? (await listMySafaris(user.id, when, now, null, pageSize))!;
  const href = (tab: MySafariTab, position: { after?: string; before?: string } = {}) =>
    listHref("/safaris/mine", { when: tab === "upcoming" ? undefined : tab, size: filter.size }, position);

  return (
    <>
      <PageHeader title="My safaris" description="Where you are going, and where you have been." />
      {parsed.success && requested ? null : <MissingPageNotice />}
      <nav aria-label="Upcoming or past safaris" className="mb-4 flex gap-2">
        {(["upcoming", "past"] as const).map((tab) => (
          <a key={tab} href={href(tab)} aria-current={when === tab ? "page" : undefined} className={when === tab ? "btn-primary" : "btn-secondary"}>
            {tabs[tab].label}
          </a>
        ))}
      </nav>
      <Card title={tabs[when].label}>
        <MatchCount count={page.count} one="safari" many="safaris" />
        <MySafarisList safaris={page.rows} viewerTimeZone={user.timeZone} now={now} empty={tabs[when].empty} />
        <Pager label={`Pages of ${tabs[when].label.toLowerCase()} safaris`} previous={page.previous} next={page.next} href={(position) => href(when, position)} />
      </Card>
    </>
  );
}
