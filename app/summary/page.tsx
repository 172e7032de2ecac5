import { requirePage } from "@/lib/auth/loaders";
import { getEnv } from "@/lib/env";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { quarterChoices, resolveQuarter, shapeSummary } from "@/lib/engagement/summary";
import { EngagementSummaryView } from "@/lib/engagement/components/engagement-summary";
import { QuarterPicker } from "@/lib/engagement/components/quarter-picker";
import { todayIn } from "@/lib/reflections/schema";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Leadership engagement" };

export default async function SummaryPage({ searchParams }: { searchParams: Promise<{ quarter?: string | string[] }> }) {
  await requirePage("/summary");
  const zone = getEnv().ORG_TIME_ZONE;
  const now = new Date();
  const { quarter, problem } = resolveQuarter((await searchParams).quarter, now, zone);
  const figures = await loadEngagementFigures(quarter, todayIn(zone, now));

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
      <EngagementSummaryView summary={shapeSummary(figures)} quarterLabel={quarter.label} />
    </div>
  );
}
