import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, participations, reflectionMoments, reflections, type UserRole } from "@/db/schema";
import { canReadReflection } from "./access";

/** One of `executiveId`'s own participations with its event, and the reflection on it if there is one. */
export async function findParticipationForReflection(participationId: string, executiveId: string) {
  const db = await getDb();
  const participation = await db.query.participations.findFirst({
    where: and(eq(participations.id, participationId), eq(participations.executiveId, executiveId)),
    columns: { id: true, status: true },
    with: {
      event: { columns: { id: true, title: true, type: true, startAt: true, endAt: true, timeZone: true } },
      reflection: { columns: { id: true } },
    },
  });
  return participation ?? null;
}

async function findReflection(reflectionId: string) {
  const db = await getDb();
  const reflection = await db.query.reflections.findFirst({
    where: eq(reflections.id, reflectionId),
    with: {
      author: { columns: { id: true, name: true } },
      event: { columns: { id: true, title: true, type: true, startAt: true, endAt: true, timeZone: true } },
      emotions: { columns: { emotion: true, intensity: true } },
      moments: {
        columns: { id: true, position: true, kind: true, body: true, quote: true, journeyStage: true, emotion: true, intensity: true },
        orderBy: [asc(reflectionMoments.position)],
      },
      commitments: {
        columns: { id: true, body: true, dueOn: true, status: true, doneAt: true, ownerId: true },
        orderBy: [asc(commitments.dueOn), asc(commitments.createdAt)],
      },
    },
  });
  return reflection ?? null;
}

export type ReflectionView = NonNullable<Awaited<ReturnType<typeof findReflection>>>;

/**
 * A reflection as `reader` may see it. The read rule is applied here, with the data, so no page can
 * forget it: "forbidden" for an existing reflection the reader may not read, "not_found" when there is none.
 */
export async function loadReflectionFor(
  reader: { id: string; role: UserRole },
  reflectionId: string,
): Promise<{ status: "ok"; reflection: ReflectionView } | { status: "forbidden" } | { status: "not_found" }> {
  const reflection = await findReflection(reflectionId);
  if (!reflection) return { status: "not_found" };
  if (!canReadReflection(reader, reflection)) return { status: "forbidden" };
  return { status: "ok", reflection };
}
