import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { newEventDefaults } from "@/lib/event-types/defaults";
import { EventForm } from "@/lib/events/components/event-form";
import { eventLimits } from "@/lib/events/limits";
import { PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "New event" };

/** The type a new event starts from when none is chosen. */
const usualType = "customer_breakfast";

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ type?: string | string[] }> }) {
  const user = await requirePage("/organize/events/new");
  const asked = (await searchParams).type;
  const types = await listEventTypes();
  const offered = types.filter((type) => !type.archived);
  const chosen = offered.find((type) => type.key === asked) ?? offered.find((type) => type.key === usualType) ?? offered[0];
  const unknown = asked !== undefined && chosen?.key !== asked;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="New event" description="It starts as a draft: executives see it once you publish it." />
      <nav aria-label="Start from a type" className="mb-4 flex flex-wrap gap-2 text-sm">
        {offered.map((type) => (
          <Link
            key={type.key}
            href={`/organize/events/new?type=${encodeURIComponent(type.key)}`}
            aria-current={type.key === chosen?.key ? "page" : undefined}
            className={type.key === chosen?.key ? "rounded bg-brand-100 px-2 py-0.5 font-medium text-brand-800" : "link"}
          >
            {type.name}
          </Link>
        ))}
      </nav>
      <p className="mb-4 text-sm">
        The same safari every week or two?{" "}
        <Link href={chosen ? `/organize/series/new?type=${encodeURIComponent(chosen.key)}` : "/organize/series/new"} className="link">
          Plan a series instead
        </Link>
        .
      </p>
      {unknown ? <p className="alert-error mb-4">That type is not in the catalogue (or no longer offered), so this form starts from {chosen?.name ?? "no type"}.</p> : null}
      {chosen ? (
        <EventForm
          // A new type means new defaults: a fresh form.
          key={chosen.key}
          cancelHref="/organize"
          limits={eventLimits()}
          types={types}
          initial={newEventDefaults(chosen, appNow(), user.timeZone)}
        />
      ) : (
        <p className="alert-error">There is no type of safari to plan: add one to the catalogue first.</p>
      )}
    </div>
  );
}
