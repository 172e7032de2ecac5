import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { getEnv } from "@/lib/env";
import { fieldErrorsOf } from "@/lib/forms";
import { listMatchableEvents, listRuns } from "@/lib/match-runs/data";
import { PeriodForm } from "@/lib/match-runs/components/period-form";
import { Pager } from "@/lib/ui/pager";
import { RunCreateForm } from "@/lib/match-runs/components/run-create-form";
import { RunsTable } from "@/lib/match-runs/components/runs-table";
import { defaultPeriodDays, periodOfDays } from "@/lib/match-runs/period";
import { maxListedSafaris, pageCursor, periodSchema, runPageSize } from "@/lib/match-runs/schema";
import { formatRangeInZone } from "@/lib/time/zones";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Matching" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function MatchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const organizer = await requirePage("/organize/match");
  const zone = getEnv().ORG_TIME_ZONE;
  const now = appNow();
  const params = await searchParams;
  const fallback = defaultPeriodDays(now, zone);
  const asked = { from: one(params.from) ?? fallback.from, to: one(params.to) ?? fallback.to };
  const parsed = periodSchema.safeParse(asked);
  const errors = parsed.success ? undefined : fieldErrorsOf(parsed.error);
  const days = parsed.success ? parsed.data : fallback;
  const period = periodOfDays(days.from, days.to, zone);

  const [matchable, runs] = await Promise.all([listMatchableEvents(period, now), listRuns(pageCursor(params.after, params.before), runPageSize)]);
  const runsHref = (page: { after?: string; before?: string }) => {
    const query = new URLSearchParams({ from: days.from, to: days.to, ...page });
    return `/organize/match?${query.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Matching"
        description="Propose safaris to the executives below their cadence target, longest without customer contact first; review, adjust and publish the proposals as invitations."
      />
      {errors ? (
        <p role="alert" className="alert-error mb-6">
          This period cannot be read, so here is the rest of this quarter: {Object.values(errors).flat().join(" ")}
        </p>
      ) : null}
      <PeriodForm from={asked.from} to={asked.to} zone={zone} errors={errors} />
      <Card title="New run" className="mb-6">
        {matchable.length === 0 ? (
          <EmptyState>No published safari with a free seat starts in this period.</EmptyState>
        ) : (
          <RunCreateForm
            from={days.from}
            to={days.to}
            events={
              matchable.length <= maxListedSafaris
                ? matchable.map((event) => ({
                    id: event.id,
                    title: event.title,
                    type: event.typeName,
                    when: formatRangeInZone(event.startAt, event.endAt, event.timeZone),
                    free: event.seats - event.seatsTaken,
                  }))
                : null
            }
            types={
              matchable.length <= maxListedSafaris
                ? null
                : (await listEventTypes())
                    .map((type) => ({ value: type.key, label: type.name, count: matchable.filter((event) => event.type === type.key).length }))
                    .filter((type) => type.count > 0)
            }
          />
        )}
      </Card>
      <Card title="Earlier runs">
        <RunsTable rows={runs.rows} zone={organizer.timeZone} />
        <Pager label="Pages of earlier runs" href={runsHref} previous={runs.previous} next={runs.next} />
      </Card>
    </>
  );
}
