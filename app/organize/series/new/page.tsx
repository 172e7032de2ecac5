import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { newSeriesDefaults } from "@/lib/event-types/defaults";
import { eventLimits } from "@/lib/events/limits";
import { SeriesForm } from "@/lib/series/components/series-form";
import { PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "New series" };

export default async function NewSeriesPage({ searchParams }: { searchParams: Promise<{ type?: string | string[] }> }) {
  const user = await requirePage("/organize/series/new");
  const asked = (await searchParams).type;
  const types = await listEventTypes();
  const offered = types.filter((type) => !type.archived);
  const chosen = offered.find((type) => type.key === asked) ?? offered.find((type) => type.key === "call_listening") ?? offered[0];
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="New series"
        description="One draft safari per date, each an event of its own: change, publish or cancel any of them alone."
      />
      {chosen ? (
        <SeriesForm key={chosen.key} limits={eventLimits()} types={types} initial={newSeriesDefaults(chosen, appNow(), user.timeZone)} />
      ) : (
        <p className="alert-error">There is no type of safari to plan: add one to the catalogue first.</p>
      )}
    </div>
  );
}
