import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { loadReflectionFor } from "@/lib/reflections/data";
import { todayIn } from "@/lib/reflections/schema";
import { idOrNotFound } from "@/lib/route-params";
import { ReflectionDetails } from "@/lib/reflections/components/reflection-details";

export const metadata = { title: "Reflection" };

export default async function ReflectionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/reflections/[id]");
  const reflectionId = idOrNotFound((await params).id);
  const result = await loadReflectionFor(user, reflectionId);
  // Someone else's reflection looks exactly like a missing one.
  if (result.status !== "ok") notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <ReflectionDetails reflection={result.reflection} viewer={user} today={todayIn(user.timeZone)} />
    </div>
  );
}
