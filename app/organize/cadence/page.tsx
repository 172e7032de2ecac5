import { requirePage } from "@/lib/auth/loaders";
import { listCadence, listDepartments } from "@/lib/cadence/data";
import { cadenceHref, cadenceSortLabels, parseCadenceFilter } from "@/lib/cadence/schema";
import { CadenceFilterForm } from "@/lib/cadence/components/cadence-filter-form";
import { CadenceTable } from "@/lib/cadence/components/cadence-table";
import { quarterChoices, resolveQuarter } from "@/lib/engagement/summary";
import { getEnv } from "@/lib/env";
import { cursorOf, pageSizeOf, rawValues } from "@/lib/paging/params";
import { Card, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Cadence board" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CadencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const organizer = await requirePage("/organize/cadence");
  const zone = getEnv().ORG_TIME_ZONE;
  const now = appNow();
  const params = await searchParams;
  const departments = await listDepartments();
  const parsed = parseCadenceFilter(params);

  if (!parsed.success) {
    // Show the form with what was asked for, so the organizer can correct it; list nothing rather than guess.
    const { quarter } = resolveQuarter(undefined, now, zone);
    const values = rawValues(params);
    return (
      <>
        <PageHeader title="Cadence board" description={`Every executive's safaris against their target, counted in ${zone}.`} />
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <CadenceFilterForm quarters={quarterChoices(now, zone, quarter)} departments={departments} values={{ ...values, quarter: quarter.key }} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const { quarter } = resolveQuarter(filter.quarter, now, zone);
  const sort = filter.sort ?? "contact";
  const query = { start: quarter.start, end: quarter.end, now, zone, department: filter.department ?? null, seniority: filter.seniority ?? null, sort };
  const pageSize = pageSizeOf(filter);
  const requested = await listCadence(query, cursorOf(filter), pageSize);
  // A page link naming no executive this filter matches: start again at the first page.
  const page = requested ?? (await listCadence(query, null, pageSize))!;
  const values = {
    quarter: quarter.key,
    department: filter.department ?? "",
    seniority: filter.seniority ?? "",
    sort: filter.sort ?? "",
    size: filter.size ?? "",
  };

  return (
    <>
      <PageHeader
        title="Cadence board"
        description={`${quarter.label}, counted in ${zone}: each executive's safaris starting in the quarter against their target. On track means attended and confirmed reach the target.`}
      />
      {requested ? null : <MissingPageNotice />}
      <CadenceFilterForm quarters={quarterChoices(now, zone, quarter)} departments={departments} values={values} />
      <Card>
        <MatchCount count={page.count} one="executive" many="executives" />
        <CadenceTable
          rows={page.rows}
          zone={organizer.timeZone}
          caption={`Executives' safaris in ${quarter.label} against their target, ordered by ${cadenceSortLabels[sort].toLowerCase()}`}
        />
        <Pager label="Pages of the cadence board" previous={page.previous} next={page.next} href={(position) => cadenceHref(filter, position)} />
      </Card>
    </>
  );
}
