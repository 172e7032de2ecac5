import { afterEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, events, notifications, participations, reflections, type NotificationKind } from "@/db/schema";
import type { Clock } from "@/lib/jobs/clock";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { commitmentFollowUps, reflectionPrompts } from "@/lib/jobs/schedules";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * The reminders after a safari, against a real database with a clock the tests move by hand: the prompts
 * to reflect (24 and 48 hours after an attended safari ends) and the follow-ups of commitments (30 and 90
 * days after they were made), each once, never for what is written, done, dropped, cancelled or history;
 * and pg-boss carrying both jobs to their workers (on PGlite, and on the Postgres server when DATABASE_URL
 * is set).
 */
const hours = (n: number) => n * 3_600_000;
const days = (n: number) => n * 24 * 3_600_000;
const minutes = (n: number) => n * 60_000;

let now = new Date(Math.floor(Date.now() / minutes(1)) * minutes(1));
const clock: Clock = () => now;
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** A safari that ended at `endAt` (two hours long), and one executive's participation in it. */
async function pastSafari(endAt: Date, status: "published" | "completed" | "cancelled" = "completed") {
  const organizer = await makeUser("organizer");
  return makeEvent(organizer.id, { seats: 10, startAt: at(endAt, -hours(2)), endAt, status });
}

async function participate(eventId: string, status: "attended" | "no_show" | "confirmed" | "cancelled" = "attended") {
  const db = await getDb();
  const executive = await makeExecutive();
  const [row] = await db.insert(participations).values({ eventId, executiveId: executive.id, source: "signed_up", status }).returning();
  return row!;
}

async function reflect(participation: typeof participations.$inferSelect) {
  const db = await getDb();
  const [row] = await db
    .insert(reflections)
    .values({ participationId: participation.id, authorId: participation.executiveId, eventId: participation.eventId })
    .returning();
  return row!;
}

async function commit(participation: typeof participations.$inferSelect, createdAt: Date, status: "open" | "in_progress" | "done" | "dropped" = "open") {
  const db = await getDb();
  const reflection = await reflect(participation);
  const [row] = await db
    .insert(commitments)
    .values({ reflectionId: reflection.id, ownerId: participation.executiveId, body: "Shorten the hold queue", dueOn: "2026-09-30", status, doneAt: status === "done" ? createdAt : null, createdAt })
    .returning();
  return row!;
}

async function noticesFor(userIds: string[], kind: NotificationKind) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.createdAt), asc(notifications.dedupeKey));
}

afterEach(async () => {
  const db = await getDb();
  await db.delete(events).where(sql`true`);
});

describe("reflection prompts", () => {
  it("prompts an attended executive 24 and 48 hours after the safari ends, each once, and never before", async () => {
    const endAt = now;
    const event = await pastSafari(endAt);
    const attended = await participate(event.id);

    now = at(endAt, hours(24) - minutes(1));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });

    now = at(endAt, hours(24));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 1 });
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });
    now = at(endAt, hours(48) - minutes(1));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });

    now = at(endAt, hours(48));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 1 });
    now = at(endAt, hours(100));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });

    expect(await noticesFor([attended.executiveId], "reflection_prompt")).toMatchObject([
      {
        eventId: event.id,
        dedupeKey: `reflection_prompt:${attended.id}:1`,
        details: { title: event.title, endAt: endAt.toISOString(), timeZone: event.timeZone, round: 1, participationId: attended.id },
      },
      { eventId: event.id, dedupeKey: `reflection_prompt:${attended.id}:2`, details: { round: 2, participationId: attended.id } },
    ]);
  });

  it("sends no prompt once the reflection is written, and not the second once it is written after the first", async () => {
    const endAt = now;
    const event = await pastSafari(endAt);
    const early = await participate(event.id);
    const late = await participate(event.id);
    await reflect(early);

    now = at(endAt, hours(25));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 1 });
    await reflect(late);
    now = at(endAt, hours(49));
    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });

    expect(await noticesFor([early.executiveId], "reflection_prompt")).toEqual([]);
    expect((await noticesFor([late.executiveId], "reflection_prompt")).map((notice) => notice.dedupeKey)).toEqual([`reflection_prompt:${late.id}:1`]);
  });

  it("prompts nobody for a cancelled safari, nor anyone who did not attend", async () => {
    const endAt = now;
    const cancelled = await pastSafari(endAt, "cancelled");
    const onCancelled = await participate(cancelled.id);
    const event = await pastSafari(endAt, "published");
    const others = await Promise.all((["no_show", "confirmed", "cancelled"] as const).map((status) => participate(event.id, status)));

    for (const after of [hours(24), hours(48)]) {
      now = at(endAt, after);
      expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 0 });
    }
    expect(await noticesFor([onCancelled, ...others].map((row) => row.executiveId), "reflection_prompt")).toEqual([]);
  });

  it("leaves history alone: a safari that ended more than a week ago gets no prompt, and a late run sends only the second", async () => {
    const old = await participate((await pastSafari(at(now, -days(8)))).id);
    const twoDays = await participate((await pastSafari(at(now, -hours(60)))).id);

    expect(await reflectionPrompts.run(clock)).toEqual({ prompted: 1 });
    expect(await noticesFor([old.executiveId], "reflection_prompt")).toEqual([]);
    expect((await noticesFor([twoDays.executiveId], "reflection_prompt")).map((notice) => notice.dedupeKey)).toEqual([`reflection_prompt:${twoDays.id}:2`]);
  });
});

describe("commitment follow-ups", () => {
  it("asks the owner 30 and 90 days after the commitment was made, each once, and never before", async () => {
    const made = now;
    const event = await pastSafari(at(made, -hours(1)));
    const participation = await participate(event.id);
    const commitment = await commit(participation, made);

    now = at(made, days(30) - minutes(1));
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 0 });
    now = at(made, days(30));
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 1 });
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 0 });
    now = at(made, days(60));
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 0 });

    // In progress by then: still to keep, so still asked.
    const db = await getDb();
    await db.update(commitments).set({ status: "in_progress" }).where(eq(commitments.id, commitment.id));
    now = at(made, days(90));
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 1 });
    now = at(made, days(95));
    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 0 });

    expect(await noticesFor([participation.executiveId], "commitment_followup")).toMatchObject([
      {
        eventId: event.id,
        dedupeKey: `commitment_followup:${commitment.id}:30`,
        details: { title: event.title, body: "Shorten the hold queue", dueOn: "2026-09-30", days: 30, reflectionId: commitment.reflectionId },
      },
      { dedupeKey: `commitment_followup:${commitment.id}:90`, details: { days: 90, reflectionId: commitment.reflectionId } },
    ]);
  });

  it("asks nothing about a commitment done or dropped, one on a cancelled safari, or one more than 14 days late", async () => {
    const event = await pastSafari(at(now, -days(31)));
    const done = await commit(await participate(event.id), at(now, -days(30)), "done");
    const dropped = await commit(await participate(event.id), at(now, -days(30)), "dropped");
    const history = await commit(await participate(event.id), at(now, -days(45)));
    const cancelled = await pastSafari(at(now, -days(31)), "cancelled");
    const onCancelled = await commit(await participate(cancelled.id), at(now, -days(30)));
    const due = await commit(await participate(event.id), at(now, -days(44) + minutes(1)));

    expect(await commitmentFollowUps.run(clock)).toEqual({ followedUp: 1 });
    const owners = [done, dropped, history, onCancelled, due].map((row) => row.ownerId);
    expect((await noticesFor(owners, "commitment_followup")).map((notice) => notice.dedupeKey)).toEqual([`commitment_followup:${due.id}:30`]);
  });
});

describe("pg-boss", () => {
  afterEach(() => stopJobRunner(2_000));

  it("carries both reminder jobs to their workers, which write the notices due", async () => {
    const endAt = at(now, -hours(30));
    const attended = await participate((await pastSafari(endAt)).id);
    const commitment = await commit(await participate((await pastSafari(at(now, -days(32)))).id), at(now, -days(31)));

    const boss = await startJobRunner({ clock, pollingIntervalSeconds: 0.5, schedule: false });
    for (const [job, output] of [
      [reflectionPrompts, { prompted: 1 }],
      [commitmentFollowUps, { followedUp: 1 }],
    ] as const) {
      const id = await boss.send(job.name);
      await vi.waitFor(
        async () => {
          const [run] = await boss.findJobs(job.name, { id: id! });
          expect(run).toMatchObject({ state: "completed", output });
        },
        { timeout: 15_000, interval: 100 },
      );
    }
    expect(await noticesFor([attended.executiveId], "reflection_prompt")).toMatchObject([{ dedupeKey: `reflection_prompt:${attended.id}:1` }]);
    expect(await noticesFor([commitment.ownerId], "commitment_followup")).toMatchObject([{ dedupeKey: `commitment_followup:${commitment.id}:30` }]);
  });
});
