import { requirePage } from "@/lib/auth/loaders";
import { EventForm } from "@/lib/events/components/event-form";
import { eventLimits } from "@/lib/events/limits";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "New event" };

export default async function NewEventPage() {
  const user = await requirePage("/organize/events/new");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="New event" description="It starts as a draft: executives see it once you publish it." />
      <EventForm
        cancelHref="/organize"
        limits={eventLimits()}
        initial={{ type: "customer_breakfast", title: "", briefing: "", location: "", start: "", end: "", timeZone: user.timeZone, seats: "1" }}
      />
    </div>
  );
}
