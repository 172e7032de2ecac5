import { afterEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, notifications, participations, reflections } from "@/db/schema";
import { ClockNotMovableError, createAppClock, maxOffsetMs } from "@/lib/time/clock";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * The app's clock (lib/time/clock.ts) and the test-only routes over it (app/api/test): fixed to real time
 * unless the process was started with SAFARI_TEST_CLOCK=1, when it moves and the routes move it and run a
 * scheduled job with it, against the real database. Each case loads the env, the clock and the routes
 * afresh, as a server started with that environment would.
 */
const dayMs = 86_400_000;
const globalForClock = globalThis as typeof globalThis & { __safariAppClock?: unknown };

/** The clock module and both route handlers as a process started with SAFARI_TEST_CLOCK=`flag` has them. */
async function serverWith(flag: "0" | "1" | undefined) {
  if (flag === undefined) vi.stubEnv("SAFARI_TEST_CLOCK", undefined);
  else vi.stubEnv("SAFARI_TEST_CLOCK", flag);
  vi.resetModules();
  globalForClock.__safariAppClock = undefined;
  const clock = await import("@/lib/time/clock");
  const clockRoute = await import("@/app/api/test/clock/route");
  const jobRoute = await import("@/app/api/test/jobs/[name]/route");
  const post = (body: unknown) => clockRoute.POST(new Request("http://app.test/api/test/clock", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }));
  const runJob = (name: string) => jobRoute.POST(new Request(`http://app.test/api/test/jobs/${name}`, { method: "POST" }), { params: Promise.resolve({ name }) });
  return { clock, getClock: () => clockRoute.GET(), post, runJob };
}

afterEach(() => {
  vi.unstubAllEnvs();
  globalForClock.__safariAppClock = undefined;
});

describe("the app's clock", () => {
  it("cannot be moved where it is not movable: its offset stays 0", () => {
    const clock = createAppClock(false, () => 1_000);
    expect(() => clock.setOffset(dayMs)).toThrow(ClockNotMovableError);
    expect(() => clock.setOffset(0)).toThrow(ClockNotMovableError);
    expect(clock.offsetMs()).toBe(0);
    expect(clock.now()).toEqual(new Date(1_000));
  });

  it("moves ahead where it is movable, and only ahead, by whole milliseconds within its limit", () => {
    let real = 5_000;
    const clock = createAppClock(true, () => real);
    clock.setOffset(30 * dayMs);
    expect(clock.now()).toEqual(new Date(5_000 + 30 * dayMs));
    // Real time goes on under the offset.
    real += 1_000;
    expect(clock.now()).toEqual(new Date(6_000 + 30 * dayMs));
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, maxOffsetMs + 1]) expect(() => clock.setOffset(bad), String(bad)).toThrow(RangeError);
    expect(clock.offsetMs()).toBe(30 * dayMs);
    clock.setOffset(0);
    expect(clock.now()).toEqual(new Date(6_000));
  });

  it("is real time and refuses to move in a process started without the flag, or with it off", async () => {
    for (const flag of [undefined, "0"] as const) {
      const { clock } = await serverWith(flag);
      expect(clock.appClock().movable).toBe(false);
      expect(() => clock.appClock().setOffset(dayMs)).toThrow(clock.ClockNotMovableError);
      const before = Date.now();
      const now = clock.appNow().getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
    }
  });

  it("is one per process: every copy of the module reads the offset another set", async () => {
    const { clock } = await serverWith("1");
    clock.appClock().setOffset(dayMs);
    vi.resetModules();
    const again = await import("@/lib/time/clock");
    expect(again.appClock().offsetMs()).toBe(dayMs);
  });
});

describe("the test routes", () => {
  it("answer 404 to everything, and move nothing, without the flag", async () => {
    for (const flag of [undefined, "0"] as const) {
      const { clock, getClock, post, runJob } = await serverWith(flag);
      expect((await getClock()).status).toBe(404);
      expect((await post({ advanceMs: 30 * dayMs })).status).toBe(404);
      expect((await post({ offsetMs: dayMs })).status).toBe(404);
      expect((await runJob("follow-up-commitments")).status).toBe(404);
      expect((await runJob("no-such-job")).status).toBe(404);
      expect(clock.appClock().offsetMs()).toBe(0);
    }
  });

  it("with the flag, read and move the clock, refuse a bad move, and run a named job once with the moved clock", async () => {
    const { clock, getClock, post, runJob } = await serverWith("1");
    const db = await getDb();
    // A commitment made just now (created_at is the database's real time) on a safari that has ended.
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { startAt: new Date(Date.now() - 3 * 3_600_000), endAt: new Date(Date.now() - 3_600_000), status: "completed" });
    const executive = await makeExecutive();
    const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: executive.id, source: "signed_up", status: "attended" }).returning();
    const [reflection] = await db.insert(reflections).values({ participationId: participation!.id, authorId: executive.id, eventId: event.id }).returning();
    const [commitment] = await db.insert(commitments).values({ reflectionId: reflection!.id, ownerId: executive.id, body: "Shorten the hold queue", dueOn: "2099-01-31", status: "open" }).returning();
    const followUps = () => db.select().from(notifications).where(and(eq(notifications.userId, executive.id), eq(notifications.kind, "commitment_followup")));

    const read = await getClock();
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ offsetMs: 0 });

    // Not yet due on real time.
    const early = await runJob("follow-up-commitments");
    expect(early.status).toBe(200);
    expect(await early.json()).toMatchObject({ job: "follow-up-commitments", figures: { followedUp: 0 } });

    for (const bad of [{ advanceMs: -1 }, { offsetMs: 1.5 }, { advanceMs: dayMs, offsetMs: 0 }, { days: 30 }, "soon", { offsetMs: maxOffsetMs + 1 }]) {
      expect((await post(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(clock.appClock().offsetMs()).toBe(0);

    const before = Date.now();
    const moved = await post({ advanceMs: 10 * dayMs });
    expect(moved.status).toBe(200);
    const advanced = await post({ advanceMs: 20 * dayMs + 60_000 });
    const { now, offsetMs } = (await advanced.json()) as { now: string; offsetMs: number };
    expect(offsetMs).toBe(30 * dayMs + 60_000);
    expect(new Date(now).getTime()).toBeGreaterThanOrEqual(before + offsetMs);
    expect(clock.appNow().getTime()).toBeGreaterThanOrEqual(before + offsetMs);

    // 30 days on by the app's clock, the follow-up is due: once.
    expect(await (await runJob("follow-up-commitments")).json()).toMatchObject({ figures: { followedUp: 1 } });
    expect(await (await runJob("follow-up-commitments")).json()).toMatchObject({ figures: { followedUp: 0 } });
    expect(await followUps()).toMatchObject([{ dedupeKey: `commitment_followup:${commitment!.id}:30` }]);
    expect((await runJob("no-such-job")).status).toBe(404);

    // Back to real time.
    expect(await (await post({ offsetMs: 0 })).json()).toMatchObject({ offsetMs: 0 });
  });
});
