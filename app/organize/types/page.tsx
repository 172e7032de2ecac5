import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { blankEventType, EventTypeForm } from "@/lib/event-types/components/event-type-form";
import { EventTypesTable } from "@/lib/event-types/components/event-types-table";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Types of safari" };

export default async function EventTypesPage() {
  await requirePage("/organize/types");
  const types = await listEventTypes();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Types of safari" description="Every new event starts from its type: its usual length, seats and guidance for the executive." />
      <Card title="The catalogue">
        <EventTypesTable types={types} />
      </Card>
      <section aria-labelledby="new-type" className="max-w-2xl">
        <h2 id="new-type" className="mb-3 text-lg font-semibold">
          Add a type
        </h2>
        <EventTypeForm initial={blankEventType} />
      </section>
    </div>
  );
}
