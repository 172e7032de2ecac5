import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { reflectionVerdict } from "@/lib/participation/rules";
import { findParticipationForReflection, loadDraft } from "@/lib/reflections/data";
import { todayIn } from "@/lib/reflections/schema";
import { idOrNotFound } from "@/lib/route-params";
import { formatInZone } from "@/lib/time/zones";
import { EventWhen } from "@/lib/reflections/components/event-when";
import { ReflectionForm } from "@/lib/reflections/components/reflection-form";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "New reflection" };

export default async function NewReflectionPage({ searchParams }: { searchParams: Promise<{ participation?: string | string[] }> }) {
  const user = await requirePage("/reflections/new");
  const participationId = idOrNotFound((await searchParams).participation);
  const participation = await findParticipationForReflection(participationId, user.id);
  if (!participation) notFound();
  const { event } = participation;
  const verdict = reflectionVerdict(event, participation.status, appNow());
  // The draft is restored here, on the server, so a reload shows what was typed before the page is interactive.
  const draft = participation.reflection ? null : await loadDraft(user.id, participation.id);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Reflect on “${event.title}”`}
        description={<EventWhen startAt={event.startAt} endAt={event.endAt} eventZone={event.timeZone} viewerZone={user.timeZone} />}
      />
      {participation.reflection ? (
        <Card title="Already written">
          <p>You have already written a reflection for this safari.</p>
          <p className="mt-3">
            <Link href={`/reflections/${participation.reflection.id}`} className="link">
              Read your reflection
            </Link>
          </p>
        </Card>
      ) : !verdict.ok ? (
        <Card title="Not yet">
          <p>{verdict.why}</p>
          <p className="mt-3">
            <Link href="/safaris/mine" className="link">
              Back to my safaris
            </Link>
          </p>
        </Card>
      ) : (
        <>
          <p className="mb-6 text-stone-600">
            Write it while it is fresh, within a day or two: what happened, what it means, and what you will change. It saves itself as a draft as you type.
          </p>
          <ReflectionForm
            mode={{ kind: "create", participationId: participation.id, draftSavedAt: draft ? formatInZone(draft.updatedAt, user.timeZone, "HH:mm") : null }}
            today={todayIn(user.timeZone, appNow())}
            initial={draft?.content ?? {}}
            prediction={participation.expectation}
            empathyBefore={participation.empathyBefore}
          />
        </>
      )}
    </div>
  );
}
