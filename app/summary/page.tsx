import { z } from "zod";
import { requirePage } from "@/lib/auth/loaders";
import { listCadence } from "@/lib/cadence/data";
import { getEnv } from "@/lib/env";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { quarterChoices, resolveQuarter, shapeSummary } from "@/lib/engagement/summary";
import { EngagementSummaryView, NotOutYetCard } from "@/lib/engagement/components/engagement-summary";
import { QuarterPicker } from "@/lib/engagement/components/quarter-picker";
import { cursorOf, listHref, onePosition, pageFields, pageSizeOf, parseListParams, type PageParams } from "@/lib/paging/params";
import { todayIn } from "@/lib/reflections/schema";
import { PageHeader } from "@/lib/ui/page";
import { MissingPageNotice, Pager } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Leadership engagement" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The page's own list, "not out yet", is paged; the quarter is read by resolveQuarter, which explains a bad one. */
const notOutYetSchema = z.object({ quarter: z.unknown(), ...pageFields }).refine(...onePosition);

export default async function SummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage("/summary");
  const zone = getEnv().ORG_TIME_ZONE;
  const now = appNow();
  const params = await searchParams;
  const { quarter, problem } = resolveQuarter(params.quarter, now, zone);
  const parsed = parseListParams(notOutYetSchema, params);
  const position: PageParams = parsed.success ? parsed.data : {};
  const query = { start: quarter.start, end: quarter.end, now, zone, department: null, seniority: null, sort: "contact" as const, notOut: true };
  const pageSize = pageSizeOf(position);
  const [figures, requested] = await Promise.all([loadEngagementFigures(quarter, todayIn(zone, now)), listCadence(query, cursorOf(position), pageSize)]);
  const notOutYet = requested ?? (await listCadence(query, null, pageSize))!;
  const href = (page: { after?: string; before?: string }) => listHref("/summary", { quarter: problem ? undefined : quarter.key, size: position.size }, page);

  return (
    <div>
      <PageHeader
        title="Leadership engagement"
        description={`${quarter.label}, counted in ${zone}: who has been close to customers, and what it changed.`}
        actions={<QuarterPicker quarters={quarterChoices(now, zone, quarter)} selected={quarter.key} />}
      />
      {problem ? (
        <p role="alert" className="alert-error mb-6">
          {problem}
        </p>
      ) : null}
      {parsed.success && requested ? null : <MissingPageNotice />}
      <EngagementSummaryView
        summary={shapeSummary(figures)}
        quarterLabel={quarter.label}
        notOutYet={<NotOutYetCard page={notOutYet} pager={<Pager label="Pages of executives not out yet" previous={notOutYet.previous} next={notOutYet.next} href={href} />} />}
      />
    </div>
  );
}
