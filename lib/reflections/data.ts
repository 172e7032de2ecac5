import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, participations, reflectionDrafts, reflectionMoments, reflections, type UserRole } from "@/db/schema";
import { canReadReflection } from "./access";
import type { DraftContent } from "./schema";

/**
 * One of `executiveId`'s own participations with its event, what the briefing kept for the reflection (the
 * prediction and the three empathy items before), and the reflection on it if there is one.
 */
export async function findParticipationForReflection(participationId: string, executiveId: string) {
  const db = await getDb();
  const participation = await db.query.participations.findFirst({
    where: and(eq(participations.id, participationId), eq(participations.executiveId, executiveId)),
    columns: { id: true, status: true, expectation: true, empathyBefore: true },
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
      participation: { columns: { expectation: true } },
      author: { columns: { id: true, name: true } },
      event: { columns: { id: true, title: true, type: true, startAt: true, endAt: true, timeZone: true } },
      emotions: { columns: { emotion: true, intensity: true } },
      moments: {
        columns: { id: true, position: true, kind: true, body: true, quote: true, journeyStage: true, emotion: true, intensity: true },
        orderBy: [asc(reflectionMoments.position)],
      },
      commitments: {
        columns: { id: true, body: true, dueOn: true, status: true, doneAt: true, ownerId: true, helpers: true },
        with: { moments: { columns: { momentId: true } } },
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

/** The author's draft of a reflection on their own participation: the form's values by input name. */
export async function loadDraft(authorId: string, participationId: string): Promise<{ content: DraftContent; updatedAt: Date } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ content: reflectionDrafts.content, updatedAt: reflectionDrafts.updatedAt })
    .from(reflectionDrafts)
    .where(and(eq(reflectionDrafts.participationId, participationId), eq(reflectionDrafts.authorId, authorId)));
  if (!row) return null;
  // The draft was checked on the way in (draftSchema); keep only string values, whatever the column holds.
  const content = Object.fromEntries(Object.entries(row.content as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { content, updatedAt: row.updatedAt };
}

/** The author's own reflection, for the edit form; null for anyone else's or none. */
export async function loadOwnReflection(authorId: string, reflectionId: string): Promise<ReflectionView | null> {
  const reflection = await findReflection(reflectionId);
  return reflection && reflection.authorId === authorId ? reflection : null;
}

/** The due dates an author's reflection's commitments have now, by id: editing may keep them as they are. */
export async function commitmentDueDates(authorId: string, reflectionId: string): Promise<Record<string, string>> {
  const db = await getDb();
  const rows = await db
    .select({ id: commitments.id, dueOn: commitments.dueOn })
    .from(commitments)
    .innerJoin(reflections, eq(reflections.id, commitments.reflectionId))
    .where(and(eq(commitments.reflectionId, reflectionId), eq(reflections.authorId, authorId)));
  return Object.fromEntries(rows.map((row) => [row.id, row.dueOn]));
}
