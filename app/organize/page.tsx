import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { listEventsForOrganizer } from "@/lib/events/data";
import { EventsTable } from "@/lib/events/components/events-table";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Events" };

export default async function OrganizeHome() {
  const user = await requirePage("/organize");
  const { upcoming, past } = await listEventsForOrganizer(new Date());
  return (
    <>
      <PageHeader
        title="Events"
        description="Every safari of the programme, upcoming first."
        actions={
          <Link href="/organize/events/new" className="btn-primary">
            New event
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title="Upcoming">
          {upcoming.length > 0 ? (
            <EventsTable events={upcoming} caption="Upcoming events" viewerTimeZone={user.timeZone} />
          ) : (
            <EmptyState>No upcoming events. Create one to get your executives out to customers.</EmptyState>
          )}
        </Card>
        <Card title="Past">
          {past.length > 0 ? (
            <EventsTable events={past} caption="Past events" viewerTimeZone={user.timeZone} />
          ) : (
            <EmptyState>No past events yet.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
