import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { loadReflectionFor } from "@/lib/reflections/data";
import { editWindowDays, todayIn, withinEditWindow } from "@/lib/reflections/schema";
import { VisibilityForm } from "@/lib/reflections/components/visibility-form";
import { formatInZone } from "@/lib/time/zones";
import { Card } from "@/lib/ui/page";
import { idOrNotFound } from "@/lib/route-params";
import { ReflectionDetails } from "@/lib/reflections/components/reflection-details";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Reflection" };

export default async function ReflectionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/reflections/[id]");
  const reflectionId = idOrNotFound((await params).id);
  const result = await loadReflectionFor(user, reflectionId);
  // Someone else's reflection looks exactly like a missing one.
  if (result.status !== "ok") notFound();
  const { reflection } = result;
  const now = appNow();
  const editable = reflection.authorId === user.id && withinEditWindow(reflection.createdAt, now);
  const until = new Date(reflection.createdAt.getTime() + editWindowDays * 86_400_000);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <ReflectionDetails reflection={reflection} viewer={user} today={todayIn(user.timeZone, now)} now={now} />
      </div>
      {editable ? (
        <Card title="Who may read it">
          <VisibilityForm reflectionId={reflection.id} current={reflection.visibility} until={formatInZone(until, user.timeZone, "d MMM yyyy, HH:mm")} />
        </Card>
      ) : null}
    </div>
  );
}
