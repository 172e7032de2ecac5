import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { archiveEventTypeAction } from "@/lib/event-types/actions";
import { getEventType } from "@/lib/event-types/data";
import { EventTypeForm } from "@/lib/event-types/components/event-type-form";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Type of safari" };

export default async function EventTypePage({ params }: { params: Promise<{ key: string }> }) {
  await requirePage("/organize/types/[key]");
  const { key } = await params;
  const type = await getEventType(key);
  if (!type) notFound();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader
        title={type.name}
        description={type.archived ? "Archived: not offered for new events; events that have it keep it." : "Offered for new events."}
        actions={
          <Link href="/organize/types" className="btn-secondary">
            All types
          </Link>
        }
      />
      <EventTypeForm
        typeKey={type.key}
        initial={{
          name: type.name,
          defaultDurationMinutes: String(type.defaultDurationMinutes),
          defaultSeats: String(type.defaultSeats),
          maxSeats: type.maxSeats === null ? "" : String(type.maxSeats),
          lateWithdrawalHours: String(type.lateWithdrawalHours),
          guidance: type.guidance,
        }}
      />
      <Card title={type.archived ? "Offer it again" : "Archive"}>
        <ActionForm action={archiveEventTypeAction} fields={{ key: type.key, archived: type.archived ? "false" : "true" }}>
          <ActionButton variant={type.archived ? "primary" : "danger"}>{type.archived ? "Offer for new events" : "Archive this type"}</ActionButton>
        </ActionForm>
      </Card>
    </div>
  );
}
