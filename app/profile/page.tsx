import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { listEventTypes } from "@/lib/event-types/data";
import { findExecutiveProfile } from "@/lib/people/data";
import { OwnProfileForm } from "@/lib/people/components/own-profile-form";
import { ProgrammeDetails } from "@/lib/people/components/profile-summary";
import { instantToLocal } from "@/lib/time/zones";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requirePage("/profile");
  const view = await findExecutiveProfile(user.id, appNow());
  if (!view) notFound();
  const { profile } = view;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title="Profile" description="What the CX team goes by when it proposes safaris to you." />
      {profile ? (
        <>
          <Card title="Set by the CX team">
            <ProgrammeDetails profile={profile} />
          </Card>
          <OwnProfileForm
            types={await listEventTypes()}
            initial={{
              timeZone: view.timeZone,
              languages: profile.languages,
              preferredTypes: profile.preferredTypes,
              blackouts: profile.blackouts.map((b) => ({ start: instantToLocal(b.startAt, view.timeZone), end: instantToLocal(b.endAt, view.timeZone) })),
            }}
          />
        </>
      ) : (
        <p className="alert-error">The CX team has not set up your profile yet. Once they have, you can give your languages, preferences and blackout periods here.</p>
      )}
    </div>
  );
}
