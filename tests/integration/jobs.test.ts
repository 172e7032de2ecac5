import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { getDb } from "@/db";
import { events, notifications, participations } from "@/db/schema";
import type { Clock } from "@/lib/jobs/clock";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { answerReminders, embeddedVacuum, invitationExpiry } from "@/lib/jobs/schedules";
import { databaseKind } from "../support/database";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * The scheduled jobs against a real database, with a clock the tests move by hand: what one run does,
 * that a second run does nothing more, and that pg-boss really carries a job from a send or a schedule
 * to its worker and the worker's effect (on PGlite, and on the Postgres server when DATABASE_URL is set).
 */
const migrationCount = readdirSync(path.join(process.cwd(), "db", "migrations")).filter((file) => file.endsWith(".sql")).length;
const hours = (n: number) => n * 3_600_000;
const minutes = (n: number) => n * 60_000;

// The tests' "now", read by the jobs through `clock`. Safaris start ten days later, so seats can move.
let now = new Date(Math.floor(Date.now() / minutes(1)) * minutes(1));
const clock: Clock = () => now;
const later = (ms: number) => new Date(now.getTime() + ms);

async function safari(seats: number) {
  const organizer = await makeUser("organizer");
  return makeEvent(organizer.id, { seats, startAt: later(hours(240)) });
}

async function participate(eventId: string, values: Partial<typeof participations.$inferInsert> & Pick<typeof participations.$inferInsert, "status">) {
  const db = await getDb();
  const executive = await makeExecutive();
  const [row] = await db
    .insert(participations)
    .values({ eventId, executiveId: executive.id, source: "matched", ...values })
    .returning();
  return row!;
}

const invite = (eventId: string, respondBy: Date) => participate(eventId, { status: "invited", respondBy });
const waitlist = (eventId: string, waitlistedAt: Date) => participate(eventId, { status: "waitlisted", source: "signed_up", waitlistedAt });

async function participationsOf(eventId: string) {
  const db = await getDb();
  return db.select().from(participations).where(eq(participations.eventId, eventId)).orderBy(asc(participations.id));
}

async function seatsTaken(eventId: string) {
  const db = await getDb();
  const [row] = await db.select({ seatsTaken: events.seatsTaken }).from(events).where(eq(events.id, eventId));
  return row!.seatsTaken;
}

async function noticesFor(userIds: string[], kind?: "promotion" | "answer_reminder") {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), kind ? eq(notifications.kind, kind) : undefined))
    .orderBy(asc(notifications.id));
}

/** A full safari of one seat: an invitation due in an hour holds it, two executives wait in line. */
async function lapsingInvitation() {
  const event = await safari(1);
  const invited = await invite(event.id, later(hours(1)));
  const first = await waitlist(event.id, later(-hours(3)));
  const second = await waitlist(event.id, later(-hours(2)));
  return { event, invited, first, second };
}

async function expectLapsedAndPromoted({ event, invited, first, second }: Awaited<ReturnType<typeof lapsingInvitation>>, at: Date) {
  const rows = new Map((await participationsOf(event.id)).map((row) => [row.id, row]));
  expect(rows.get(invited.id)).toMatchObject({ status: "declined", expiredAt: at, respondedAt: null });
  expect(rows.get(first.id)).toMatchObject({ status: "confirmed", promotedAt: at });
  expect(rows.get(second.id)).toMatchObject({ status: "waitlisted", promotedAt: null });
  expect(await seatsTaken(event.id)).toBe(1);
  expect(await noticesFor([first.executiveId], "promotion")).toMatchObject([{ eventId: event.id }]);
  expect(await noticesFor([invited.executiveId, second.executiveId])).toEqual([]);
}

// Each test starts from an empty calendar: the jobs sweep the whole database, so one test's leftovers
// would show up in another's figures. (Participations and notices go with their events.)
afterEach(async () => {
  const db = await getDb();
  await db.delete(events).where(sql`true`);
});

describe("invitation expiry job", () => {
  it("lets an invitation lapse once its deadline has passed, and gives its seat to the first in line with a notice", async () => {
    const scenario = await lapsingInvitation();

    now = later(minutes(59));
    expect(await invitationExpiry.run(clock)).toEqual({ expired: 0 });
    expect(await participationsOf(scenario.event.id)).toContainEqual(expect.objectContaining({ id: scenario.invited.id, status: "invited" }));

    now = later(minutes(2));
    expect(await invitationExpiry.run(clock)).toEqual({ expired: 1 });
    await expectLapsedAndPromoted(scenario, now);
  });

  it("changes nothing more when it runs again, at the same time or later", async () => {
    const scenario = await lapsingInvitation();
    now = later(hours(2));
    const lapsedAt = now;
    await invitationExpiry.run(clock);
    const before = { rows: await participationsOf(scenario.event.id), notices: await noticesFor([scenario.first.executiveId]) };

    expect(await invitationExpiry.run(clock)).toEqual({ expired: 0 });
    now = later(hours(1));
    expect(await invitationExpiry.run(clock)).toEqual({ expired: 0 });

    expect(await participationsOf(scenario.event.id)).toEqual(before.rows);
    expect(await noticesFor([scenario.first.executiveId])).toEqual(before.notices);
    await expectLapsedAndPromoted(scenario, lapsedAt);
  });

  it("leaves answered invitations and those still open alone", async () => {
    const event = await safari(3);
    const open = await invite(event.id, later(hours(5)));
    const accepted = await participate(event.id, { status: "confirmed", respondBy: later(hours(1)), respondedAt: later(-hours(1)) });
    const declined = await participate(event.id, { status: "declined", respondBy: later(hours(1)), respondedAt: later(-hours(1)) });
    now = later(hours(2));

    expect(await invitationExpiry.run(clock)).toEqual({ expired: 0 });

    const rows = new Map((await participationsOf(event.id)).map((row) => [row.id, row]));
    expect(rows.get(open.id)).toMatchObject({ status: "invited", expiredAt: null });
    expect(rows.get(accepted.id)).toMatchObject({ status: "confirmed", expiredAt: null });
    expect(rows.get(declined.id)).toMatchObject({ status: "declined", expiredAt: null });
    expect(await seatsTaken(event.id)).toBe(2);
  });
});

describe("answer reminder job", () => {
  it("reminds once per open invitation whose deadline is near, and never for answered, lapsed or overdue ones", async () => {
    const event = await safari(10);
    const near = await invite(event.id, later(hours(24)));
    const far = await invite(event.id, later(hours(72)));
    const overdue = await invite(event.id, later(-hours(1)));
    const accepted = await participate(event.id, { status: "confirmed", respondBy: later(hours(24)), respondedAt: later(-hours(1)) });
    const declined = await participate(event.id, { status: "declined", respondBy: later(hours(24)), respondedAt: later(-hours(1)) });
    const lapsed = await participate(event.id, { status: "declined", respondBy: later(-hours(2)), expiredAt: later(-hours(1)) });
    const everyone = [near, far, overdue, accepted, declined, lapsed].map((row) => row.executiveId);

    expect(await answerReminders.run(clock)).toEqual({ reminded: 1 });
    expect(await answerReminders.run(clock)).toEqual({ reminded: 0 });
    expect(await noticesFor(everyone)).toMatchObject([
      { userId: near.executiveId, kind: "answer_reminder", eventId: event.id, dedupeKey: `answer_reminder:${near.id}` },
    ]);

    // A day and a half later the far deadline is near too; the first one has passed by then.
    now = later(hours(36));
    expect(await answerReminders.run(clock)).toEqual({ reminded: 1 });
    expect(await answerReminders.run(clock)).toEqual({ reminded: 0 });
    const reminders = await noticesFor(everyone);
    expect(reminders.map((notice) => notice.dedupeKey).sort()).toEqual([`answer_reminder:${near.id}`, `answer_reminder:${far.id}`].sort());
    expect(reminders.every((notice) => notice.kind === "answer_reminder")).toBe(true);
  });
});

describe("pg-boss", () => {
  afterEach(() => stopJobRunner(2_000));

  async function completedJob(boss: PgBoss, queue: string, id: string) {
    return vi.waitFor(
      async () => {
        const [job] = await boss.findJobs(queue, { id });
        expect(job?.state).toBe("completed");
        return job!;
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  it("creates its schema beside ours, registers a schedule per job, and carries a sent job to its worker", async () => {
    // No cron here: the jobs in the queues are only the ones this test sends.
    const boss = await startJobRunner({ clock, pollingIntervalSeconds: 0.5, schedule: false });
    expect(await startJobRunner()).toBe(boss);
    // pg-boss's schema, in the database our migrations made (read through pg-boss's own connection).
    expect(await boss.isInstalled()).toBe(true);
    const { rows } = await boss.getDb().executeSql("select count(*)::int as applied from drizzle.__drizzle_migrations");
    expect(rows).toEqual([{ applied: migrationCount }]);
    expect((await boss.getSchedules()).map(({ name, cron }) => ({ name, cron })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "deliver-mail", cron: "* * * * *" },
      { name: "expire-invitations", cron: "* * * * *" },
      { name: "follow-up-commitments", cron: "37 * * * *" },
      { name: "prompt-reflections", cron: "*/15 * * * *" },
      { name: "remind-briefing", cron: "*/15 * * * *" },
      { name: "remind-unanswered", cron: "*/15 * * * *" },
      { name: "vacuum-pglite", cron: "7 * * * *" },
    ]);

    const scenario = await lapsingInvitation();
    const reminded = await invite((await safari(1)).id, later(hours(30)));
    now = later(hours(2));

    const expiry = await boss.send(invitationExpiry.name);
    expect(await completedJob(boss, invitationExpiry.name, expiry!)).toMatchObject({ output: { expired: 1 } });
    await expectLapsedAndPromoted(scenario, now);

    const reminder = await boss.send(answerReminders.name);
    expect(await completedJob(boss, answerReminders.name, reminder!)).toMatchObject({ output: { reminded: 1 } });
    expect(await noticesFor([reminded.executiveId])).toMatchObject([{ kind: "answer_reminder", dedupeKey: `answer_reminder:${reminded.id}` }]);

    // On PGlite the worker's VACUUM shares the one instance with pg-boss's own polling.
    const vacuum = await boss.send(embeddedVacuum.name);
    expect(await completedJob(boss, embeddedVacuum.name, vacuum!)).toMatchObject({ output: { vacuumed: databaseKind === "pglite" ? 1 : 0 } });
  });

  it("turns the every-minute expiry schedule into a job on its own, and its worker lets a due invitation lapse", async () => {
    const scenario = await lapsingInvitation();
    now = later(hours(2));

    // pg-boss looks at its schedules every second here (every 30 s in the app) and sends the minute's job.
    const boss = await startJobRunner({ clock, pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1 });

    await vi.waitFor(async () => expect(await participationsOf(scenario.event.id)).toContainEqual(expect.objectContaining({ id: scenario.invited.id, status: "declined" })), {
      timeout: 20_000,
      interval: 200,
    });
    await expectLapsedAndPromoted(scenario, now);
    const jobs = await boss.findJobs<object>(invitationExpiry.name);
    expect(jobs.filter((job) => job.state === "completed").map((job) => job.output)).toContainEqual({ expired: 1 });
  });
});
