import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { personaChoices } from "@/lib/hosts/data";
import { blankHost, HostForm } from "@/lib/hosts/components/host-form";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Add a customer host" };

export default async function NewHostPage() {
  await requirePage("/organize/hosts/new");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader
        title="Add a customer host"
        description="Only what running a safari needs (GDPR). Record their consent on the next page."
        actions={
          <Link href="/organize/hosts" className="btn-secondary">
            All hosts
          </Link>
        }
      />
      <HostForm initial={blankHost} personas={await personaChoices()} />
    </div>
  );
}
