import "server-only";
import { and, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, events, executiveProfiles, participations, reflectionEmotions, reflections, users } from "@/db/schema";
import { commitmentStates, type EngagementFigures } from "./summary";

/*
 * The summary's counts, in SQL, per person: summary.ts applies the small-group rule, which needs to know
 * whom each figure rests on. "Of the period" means: the event started in [start, end) and was not
 * cancelled (a cancelled safari counts nowhere, whatever its participations still say).
 * Figures about feelings come only from reflections their authors let count (cx_team or anonymised).
 */

type Period = { start: Date; end: Date };

const ofPeriod = ({ start, end }: Period) => and(gte(events.startAt, start), lt(events.startAt, end), ne(events.status, "cancelled"));

/** Every executive with the safaris they attended in the period and the hours those lasted (in no order: only counted). */
async function executiveExposure(period: Period) {
  const db = await getDb();
  const attended = db
    .select({
      executiveId: participations.executiveId,
      safaris: sql<number>`count(*)::int`.as("safaris"),
      hours: sql<number>`(sum(extract(epoch from ${events.endAt} - ${events.startAt})) / 3600)::float8`.as("hours"),
    })
    .from(participations)
    .innerJoin(events, eq(events.id, participations.eventId))
    .where(and(eq(participations.status, "attended"), ofPeriod(period)))
    .groupBy(participations.executiveId)
    .as("attended");

  return db
    .select({
      id: users.id,
      department: executiveProfiles.department,
      seniority: executiveProfiles.seniority,
      safaris: sql<number>`coalesce(${attended.safaris}, 0)::int`,
      hours: sql<number>`coalesce(${attended.hours}, 0)::float8`,
    })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .leftJoin(attended, eq(attended.executiveId, users.id))
    .where(eq(users.role, "executive"));
}

/** Counts for the period; `today` ("yyyy-MM-dd", the organisation's calendar) decides what is overdue. */
export async function loadEngagementFigures(period: Period, today: string): Promise<EngagementFigures> {
  const db = await getDb();
  const pastDue = sql`${commitments.dueOn} < ${today}::date`;
  const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const [executives, reflectionsByAuthor, emotions, commitmentsByOwner] = await Promise.all([
    executiveExposure(period),
    db
      .select({ authorId: reflections.authorId, count: sql<number>`count(*)::int` })
      .from(reflections)
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(ofPeriod(period))
      .groupBy(reflections.authorId),
    db
      .select({
        emotion: reflectionEmotions.emotion,
        authorId: reflections.authorId,
        reports: sql<number>`count(*)::int`,
        intensitySum: sql<number>`sum(${reflectionEmotions.intensity})::int`,
      })
      .from(reflectionEmotions)
      .innerJoin(reflections, eq(reflections.id, reflectionEmotions.reflectionId))
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(and(inArray(reflections.visibility, ["cx_team", "anonymised"]), ofPeriod(period)))
      .groupBy(reflectionEmotions.emotion, reflections.authorId),
    db
      .select({
        ownerId: commitments.ownerId,
        done: countWhere(sql`${commitments.status} = 'done'`),
        open: countWhere(sql`${commitments.status} = 'open' and not ${pastDue}`),
        overdue: countWhere(sql`${commitments.status} = 'open' and ${pastDue}`),
        dropped: countWhere(sql`${commitments.status} = 'dropped'`),
      })
      .from(commitments)
      .innerJoin(reflections, eq(reflections.id, commitments.reflectionId))
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(ofPeriod(period))
      .groupBy(commitments.ownerId),
  ]);
  return {
    executives,
    reflections: reflectionsByAuthor,
    emotions,
    commitments: commitmentsByOwner.flatMap(({ ownerId, ...counts }) =>
      commitmentStates.filter((state) => counts[state] > 0).map((state) => ({ ownerId, state, count: counts[state] })),
    ),
  };
}
