import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, events, executiveProfiles, participations, reflectionEmotions, reflections, users } from "@/db/schema";
import type { EngagementFigures } from "./summary";

/*
 * The summary's counts, in SQL. "Of the period" means: the event started in [start, end).
 * Figures about feelings come only from reflections their authors let count (cx_team or anonymised).
 */

type Period = { start: Date; end: Date };

const inPeriod = ({ start, end }: Period) => and(gte(events.startAt, start), lt(events.startAt, end));

/** Every executive with the safaris they attended in the period and the hours those lasted. */
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
    .where(and(eq(participations.status, "attended"), inPeriod(period)))
    .groupBy(participations.executiveId)
    .as("attended");

  return db
    .select({
      id: users.id,
      name: users.name,
      department: executiveProfiles.department,
      seniority: executiveProfiles.seniority,
      safaris: sql<number>`coalesce(${attended.safaris}, 0)::int`,
      hours: sql<number>`coalesce(${attended.hours}, 0)::float8`,
    })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .leftJoin(attended, eq(attended.executiveId, users.id))
    .where(eq(users.role, "executive"))
    .orderBy(asc(users.name));
}

/** Counts for the period; `today` ("yyyy-MM-dd", the organisation's calendar) decides what is overdue. */
export async function loadEngagementFigures(period: Period, today: string): Promise<EngagementFigures> {
  const db = await getDb();
  const [executives, [reflectionCount], emotions, [commitmentCounts]] = await Promise.all([
    executiveExposure(period),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(reflections)
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(inPeriod(period)),
    db
      .select({
        emotion: reflectionEmotions.emotion,
        count: sql<number>`count(*)::int`,
        averageIntensity: sql<number>`avg(${reflectionEmotions.intensity})::float8`,
      })
      .from(reflectionEmotions)
      .innerJoin(reflections, eq(reflections.id, reflectionEmotions.reflectionId))
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(and(inArray(reflections.visibility, ["cx_team", "anonymised"]), inPeriod(period)))
      .groupBy(reflectionEmotions.emotion)
      .orderBy(desc(sql`count(*)`), asc(reflectionEmotions.emotion)),
    db
      .select({
        made: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${commitments.status} = 'open'))::int`,
        done: sql<number>`(count(*) filter (where ${commitments.status} = 'done'))::int`,
        overdue: sql<number>`(count(*) filter (where ${commitments.status} = 'open' and ${commitments.dueOn} < ${today}::date))::int`,
      })
      .from(commitments)
      .innerJoin(reflections, eq(reflections.id, commitments.reflectionId))
      .innerJoin(events, eq(events.id, reflections.eventId))
      .where(inPeriod(period)),
  ]);
  return {
    executives,
    reflections: reflectionCount?.count ?? 0,
    emotions,
    commitments: commitmentCounts ?? { made: 0, open: 0, done: 0, overdue: 0 },
  };
}
