import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { idOrNotFound } from "@/lib/route-params";
import { findExecutiveProfile } from "@/lib/people/data";
import { ExecutiveProfileForm } from "@/lib/people/components/executive-profile-form";
import { listEventTypes } from "@/lib/event-types/data";
import { ExecutiveOwnDetails } from "@/lib/people/components/profile-summary";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Executive profile" };

export default async function ExecutiveProfilePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("/organize/executives/[id]");
  const id = idOrNotFound((await params).id);
  const view = await findExecutiveProfile(id, appNow());
  if (!view) notFound();
  const { profile } = view;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader
        title={view.name}
        description={profile ? "The programme's part of this executive's profile." : "No profile yet: saving this form creates one."}
        actions={
          <Link href="/organize/executives" className="link">
            All executives
          </Link>
        }
      />
      <ExecutiveProfileForm
        executiveId={view.userId}
        initial={{
          department: profile?.department ?? "",
          seniority: profile?.seniority ?? "director",
          cadencePerQuarter: String(profile?.cadencePerQuarter ?? 1),
          monthlyCap: String(profile?.monthlyCap ?? 2),
        }}
      />
      <Card title="Given by the executive">
        <ExecutiveOwnDetails timeZone={view.timeZone} profile={profile} types={await listEventTypes()} />
      </Card>
    </div>
  );
}
