import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { loadOwnReflection } from "@/lib/reflections/data";
import { reflectionFormValues } from "@/lib/reflections/form-values";
import { editWindowDays, todayIn, withinEditWindow } from "@/lib/reflections/schema";
import { ReflectionForm } from "@/lib/reflections/components/reflection-form";
import { idOrNotFound } from "@/lib/route-params";
import { appNow } from "@/lib/time/clock";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Edit reflection" };

export default async function EditReflectionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/reflections/[id]/edit");
  const reflectionId = idOrNotFound((await params).id);
  const reflection = await loadOwnReflection(user.id, reflectionId);
  // Someone else's reflection looks exactly like a missing one.
  if (!reflection) notFound();
  const title = `Edit your reflection: ${reflection.event.title}`;
  if (!withinEditWindow(reflection.createdAt, appNow())) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title={title} />
        <Card title="No longer editable">
          <p>A reflection can be changed for {editWindowDays} days after it was written; that time has passed for this one.</p>
          <p className="mt-3">
            <Link href={`/reflections/${reflection.id}`} className="link">
              Read your reflection
            </Link>
          </p>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={title} />
      <ReflectionForm
        mode={{ kind: "edit", reflectionId: reflection.id, keptDueOn: Object.fromEntries(reflection.commitments.map((c) => [c.id, c.dueOn])) }}
        today={todayIn(user.timeZone, appNow())}
        initial={reflectionFormValues(reflection)}
        prediction={reflection.participation.expectation}
        empathyBefore={reflection.empathyItemsBefore}
      />
    </div>
  );
}
