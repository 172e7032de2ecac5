import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import {
  commitmentMoments,
  commitments,
  events,
  participations,
  reflectionDrafts,
  reflectionEmotions,
  reflectionMoments,
  reflections,
  type Reflection,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { reflectionVerdict } from "@/lib/participation/rules";
import { emotionsOfMoments } from "./moments";
import { editWindowDays, maxCommitments, withinEditWindow, type CommitmentInput, type DraftContent, type MomentInput, type ReflectionEditInput, type ReflectionInput } from "./schema";

const notYours = "We could not find that safari among yours.";
const windowClosed = `A reflection can be changed for ${editWindowDays} days after it was written; that time has passed for this one.`;

/**
 * Writes a reflection with its moments, the emotions derived from them, its commitments and the moments
 * each answers, in one transaction, for `authorId`'s own attended participation in a safari that has begun
 * (lib/participation/rules.ts); the draft goes with it. The participation row is locked, so its status
 * cannot change under the write and a draft save waits for it. A second submit for the same safari answers
 * the reflection already written: a double click must not show an error.
 */
export async function createReflection(authorId: string, input: ReflectionInput, now: Date = new Date()): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [participation] = await tx
      .select({ eventId: participations.eventId, status: participations.status, startAt: events.startAt, timeZone: events.timeZone, empathyBefore: participations.empathyBefore })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(and(eq(participations.id, input.participationId), eq(participations.executiveId, authorId)))
      .for("update", { of: participations });
    if (!participation) throw new AppError("NOT_FOUND", notYours);
    // Read after the lock: a submit that waited for another one sees the reflection it committed.
    const existing = await reflectionOf(tx, input.participationId);
    if (existing) return existing;
    const verdict = reflectionVerdict(participation, participation.status, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);

    // The unique participation_id still decides, should two submits ever pass the lock together.
    const [reflection] = await tx
      .insert(reflections)
      .values({
        participationId: input.participationId,
        authorId,
        eventId: participation.eventId,
        ...reflectionContent(input),
        empathyItemsBefore: participation.empathyBefore,
      })
      .onConflictDoNothing({ target: reflections.participationId })
      .returning({ id: reflections.id });
    if (!reflection) return (await reflectionOf(tx, input.participationId))!;

    const momentIds = await writeMoments(tx, reflection.id, input.moments);
    await writeEmotions(tx, reflection.id, input.moments);
    for (const commitment of input.commitments) await insertCommitment(tx, reflection.id, authorId, commitment, momentIds);
    await tx.delete(reflectionDrafts).where(eq(reflectionDrafts.participationId, input.participationId));
    return reflection.id;
  });
}

async function reflectionOf(tx: Transaction, participationId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: reflections.id }).from(reflections).where(eq(reflections.participationId, participationId));
  return row?.id;
}

/** The reflection's own columns that the form sets, on create and on edit alike. */
function reflectionContent(input: ReflectionInput | ReflectionEditInput) {
  return {
    mapSaid: input.mapSaid,
    mapDid: input.mapDid,
    mapThought: input.mapThought,
    mapFelt: input.mapFelt,
    surprise: input.surprise,
    surpriseScore: input.surpriseScore,
    empathyItemsAfter: input.empathyAfter,
    visibility: input.visibility,
  };
}

/** New moments at their positions; their ids in the form's order, for the commitments' links. */
async function writeMoments(tx: Transaction, reflectionId: string, moments: readonly MomentInput[], firstPosition = 0): Promise<string[]> {
  if (moments.length === 0) return [];
  const rows = await tx
    .insert(reflectionMoments)
    .values(moments.map((moment, index) => ({ ...momentColumns(moment), reflectionId, position: firstPosition + index })))
    .returning({ id: reflectionMoments.id, position: reflectionMoments.position });
  return rows.sort((a, b) => a.position - b.position).map((row) => row.id);
}

function momentColumns(moment: MomentInput) {
  return { kind: moment.kind, body: moment.body, quote: moment.quote, journeyStage: moment.journeyStage, emotion: moment.emotion, intensity: moment.intensity };
}

/** The summary's "what they felt" (reflection_emotions), derived from the moments again on every write. */
async function writeEmotions(tx: Transaction, reflectionId: string, moments: readonly MomentInput[]) {
  await tx.delete(reflectionEmotions).where(eq(reflectionEmotions.reflectionId, reflectionId));
  await tx.insert(reflectionEmotions).values(emotionsOfMoments(moments).map((emotion) => ({ ...emotion, reflectionId })));
}

async function insertCommitment(tx: Transaction, reflectionId: string, ownerId: string, commitment: CommitmentInput, momentIds: readonly string[]) {
  const [row] = await tx
    .insert(commitments)
    .values({ reflectionId, ownerId, body: commitment.body, dueOn: commitment.dueOn, helpers: commitment.helpers, status: "open" })
    .returning({ id: commitments.id });
  await linkMoments(tx, row!.id, commitment.moments, momentIds);
}

async function linkMoments(tx: Transaction, commitmentId: string, positions: readonly number[], momentIds: readonly string[]) {
  const links = positions.map((position) => momentIds[position]).filter((momentId): momentId is string => momentId !== undefined);
  if (links.length !== positions.length) throw new AppError("VALIDATION", "A commitment answers a moment that is not in this reflection.");
  await tx.insert(commitmentMoments).values(links.map((momentId) => ({ commitmentId, momentId })));
}

/**
 * The author edits their reflection within `editWindowDays` of writing it: moments, map, surprise, the
 * empathy items after, visibility; existing commitments change (body, due date, who else, which moments)
 * and new ones may be added, none removed (dropping is the commitment's own page). Moments the form sends
 * with their id keep it, so the links to them survive. Someone else's reflection is NOT_FOUND.
 */
export async function editReflection(authorId: string, input: ReflectionEditInput, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ authorId: reflections.authorId, visibility: reflections.visibility, createdAt: reflections.createdAt })
      .from(reflections)
      .where(eq(reflections.id, input.reflectionId))
      .for("update");
    if (!current || current.authorId !== authorId) throw new AppError("NOT_FOUND");
    if (!withinEditWindow(current.createdAt, now)) throw new AppError("INVALID_STATE", windowClosed);

    const reflectionId = input.reflectionId;
    const existingMoments = new Set((await tx.select({ id: reflectionMoments.id }).from(reflectionMoments).where(eq(reflectionMoments.reflectionId, reflectionId))).map((row) => row.id));
    const existingCommitments = new Set((await tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.reflectionId, reflectionId))).map((row) => row.id));
    // Ids from the form must be this reflection's own: anything else is a forged form.
    const foreign =
      input.moments.some((moment) => moment.id !== undefined && !existingMoments.has(moment.id)) ||
      input.commitments.some((commitment) => commitment.id !== undefined && !existingCommitments.has(commitment.id));
    if (foreign) throw new AppError("NOT_FOUND");
    const kept = input.moments.map((moment) => moment.id).filter((id): id is string => id !== undefined);
    if (new Set(kept).size !== kept.length) throw new AppError("VALIDATION", "The form sent one moment twice.");
    const untouched = [...existingCommitments].filter((id) => !input.commitments.some((commitment) => commitment.id === id));
    if (untouched.length + input.commitments.length > maxCommitments) throw new AppError("VALIDATION", `Keep to ${maxCommitments} commitments or fewer.`);

    // Moments: drop those the form left out (their links go with them), move the rest out of the way of
    // the unique (reflection, position), then write each at its new place.
    const removed = kept.length > 0 ? and(eq(reflectionMoments.reflectionId, reflectionId), notInArray(reflectionMoments.id, kept)) : eq(reflectionMoments.reflectionId, reflectionId);
    await tx.delete(reflectionMoments).where(removed);
    await tx.update(reflectionMoments).set({ position: sql`${reflectionMoments.position} + 1000` }).where(eq(reflectionMoments.reflectionId, reflectionId));
    const momentIds: string[] = [];
    for (const [position, moment] of input.moments.entries()) {
      if (moment.id) {
        await tx.update(reflectionMoments).set({ ...momentColumns(moment), position }).where(eq(reflectionMoments.id, moment.id));
        momentIds.push(moment.id);
      } else {
        momentIds.push(...(await writeMoments(tx, reflectionId, [moment], position)));
      }
    }
    await writeEmotions(tx, reflectionId, input.moments);

    for (const commitment of input.commitments) {
      if (!commitment.id) {
        await insertCommitment(tx, reflectionId, authorId, commitment, momentIds);
        continue;
      }
      await tx.update(commitments).set({ body: commitment.body, dueOn: commitment.dueOn, helpers: commitment.helpers }).where(eq(commitments.id, commitment.id));
      await tx.delete(commitmentMoments).where(eq(commitmentMoments.commitmentId, commitment.id));
      await linkMoments(tx, commitment.id, commitment.moments, momentIds);
    }

    await tx.update(reflections).set({ ...reflectionContent(input), editedAt: now }).where(eq(reflections.id, reflectionId));
    await recordAudit(tx, {
      actorId: authorId,
      action: "reflection.edit",
      objectType: "reflection",
      objectId: reflectionId,
      details: { moments: input.moments.length, commitments: input.commitments.length + untouched.length },
    });
    if (current.visibility !== input.visibility) await recordVisibilityChange(tx, authorId, reflectionId, current.visibility, input.visibility);
  });
}

async function recordVisibilityChange(tx: Transaction, authorId: string, reflectionId: string, from: Reflection["visibility"], to: Reflection["visibility"]) {
  await recordAudit(tx, { actorId: authorId, action: "reflection.visibility_change", objectType: "reflection", objectId: reflectionId, details: { from, to } });
}

/**
 * The author changes who may read their reflection, within `editWindowDays` of writing it; the change and
 * its audit line in one transaction (the summary's copies follow by trigger, migration 0009). Someone
 * else's reflection is NOT_FOUND; choosing the visibility it has already changes nothing.
 */
export async function changeVisibility(authorId: string, reflectionId: string, visibility: Reflection["visibility"], now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ authorId: reflections.authorId, visibility: reflections.visibility, createdAt: reflections.createdAt })
      .from(reflections)
      .where(eq(reflections.id, reflectionId))
      .for("update");
    if (!current || current.authorId !== authorId) throw new AppError("NOT_FOUND");
    if (!withinEditWindow(current.createdAt, now)) throw new AppError("INVALID_STATE", windowClosed);
    if (current.visibility === visibility) return;
    await tx.update(reflections).set({ visibility }).where(eq(reflections.id, reflectionId));
    await recordVisibilityChange(tx, authorId, reflectionId, current.visibility, visibility);
  });
}

/**
 * Keeps what the author has typed so far (the form's values by input name) for their own participation,
 * replacing the draft before. Refused once the reflection is written: the participation row is locked as
 * createReflection locks it, so a save that races a submit cannot leave a draft behind.
 */
export async function saveDraft(authorId: string, participationId: string, content: DraftContent, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [participation] = await tx
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.id, participationId), eq(participations.executiveId, authorId)))
      .for("update");
    if (!participation) throw new AppError("NOT_FOUND", notYours);
    if (await reflectionOf(tx, participationId)) throw new AppError("ALREADY_REFLECTED");
    await tx
      .insert(reflectionDrafts)
      .values({ participationId, authorId, content, updatedAt: now })
      .onConflictDoUpdate({ target: reflectionDrafts.participationId, set: { content, updatedAt: now } });
  });
}
