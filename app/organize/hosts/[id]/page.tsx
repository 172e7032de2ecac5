import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { getEnv } from "@/lib/env";
import { listEventTypes } from "@/lib/event-types/data";
import { typeName, typeOptions } from "@/lib/event-types/schema";
import { archiveHostAction } from "@/lib/hosts/actions";
import { getHost, personaChoices } from "@/lib/hosts/data";
import { ConsentForm } from "@/lib/hosts/components/consent-form";
import { ConsentsTable } from "@/lib/hosts/components/consents-table";
import { HostForm } from "@/lib/hosts/components/host-form";
import { todayIn } from "@/lib/reflections/schema";
import { idOrNotFound } from "@/lib/route-params";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Customer host" };

export default async function HostPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("/organize/hosts/[id]");
  const host = await getHost(idOrNotFound((await params).id));
  if (!host) notFound();
  const [types, personas] = await Promise.all([listEventTypes(), personaChoices()]);
  const zone = getEnv().ORG_TIME_ZONE;
  const archived = host.archivedAt !== null;
  const count = host.consents.length;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={`${host.firstName} ${host.lastName}`.trim()}
        description={archived ? "Archived: offered for no new safari; safaris that have this host keep them." : (host.personaName ?? "No persona")}
        actions={
          <Link href="/organize/hosts" className="btn-secondary">
            All hosts
          </Link>
        }
      />
      <HostForm
        hostId={host.id}
        personas={personas}
        initial={{
          firstName: host.firstName,
          lastName: host.lastName,
          contactEmail: host.contactEmail ?? "",
          contactPhone: host.contactPhone ?? "",
          personaId: host.personaId ?? "",
          language: host.language,
        }}
      />
      <Card title="Consents">
        <p className="mb-3 text-sm text-stone-600">
          {count} {count === 1 ? "consent" : "consents"} recorded. Days are in {zone}.
        </p>
        {count > 0 ? <ConsentsTable hostId={host.id} consents={host.consents} typeName={(key) => typeName(types, key)} zone={zone} /> : null}
      </Card>
      <Card title="Record a consent">
        <ConsentForm hostId={host.id} types={typeOptions(types)} today={todayIn(zone, appNow())} />
      </Card>
      <Card title={archived ? "Offer again" : "Archive"}>
        <ActionForm action={archiveHostAction} fields={{ hostId: host.id, archived: archived ? "false" : "true" }}>
          <ActionButton variant={archived ? "primary" : "danger"}>{archived ? "Offer for new safaris" : "Archive this host"}</ActionButton>
        </ActionForm>
      </Card>
    </div>
  );
}
