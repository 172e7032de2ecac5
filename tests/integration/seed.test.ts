import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { consentVerdict } from "@/lib/hosts/consent";
import { holdsSeat } from "@/lib/participation/rules";
import {
  commitments,
  customerHosts,
  eventHosts,
  eventPersonas,
  events,
  executiveProfiles,
  participations,
  personas,
  reflectionEmotions,
  reflections,
  users,
} from "@/db/schema";
import { demoPassword, demoSignIns, seedDemoData } from "@/db/seed-data";
import { verifyPassword } from "@/lib/auth/password";
import { emotionOptions } from "@/lib/reflections/schema";
import { quarterContaining } from "@/lib/time/zones";

const tables = { users, executiveProfiles, personas, customerHosts, events, eventPersonas, eventHosts, participations, reflections, reflectionEmotions, commitments };

async function rowCounts() {
  const db = await getDb();
  const entries = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await db.$count(table)] as const));
  return Object.fromEntries(entries);
}

const countBy = <T,>(rows: T[], key: (row: T) => string) =>
  rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [key(row)]: (acc[key(row)] ?? 0) + 1 }), {});

// A date in Q2 whose last two months reach back over the clocks going forward in Europe and America.
const now = new Date("2026-05-06T10:00:00Z");

describe("demo seed", () => {
  it("adds nothing when run again, even days later", async () => {
    const db = await getDb();
    const first = await seedDemoData(db, { now });
    const counts = await rowCounts();
    const eventsBefore = await db.select().from(events).orderBy(events.id);

    const second = await seedDemoData(db, { now: new Date(now.getTime() + 3 * 86_400_000) });
    expect(first.eventsAdded).toBe(15);
    expect(second.eventsAdded).toBe(0);
    expect(await rowCounts()).toEqual(counts);
    expect(await db.select().from(events).orderBy(events.id)).toEqual(eventsBefore);
  });

  it("has the people, personas and consenting hosts the demo needs", async () => {
    const db = await getDb();
    await seedDemoData(db, { now });
    const people = await db.select().from(users);
    expect(countBy(people, (u) => u.role)).toMatchObject({ organizer: 2, reviewer: 1, admin: 1 });

    const profiles = await db.query.executiveProfiles.findMany({ with: { user: true } });
    expect(profiles.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(countBy(profiles, (p) => p.department))).toHaveLength(4);
    expect(Object.keys(countBy(profiles, (p) => p.seniority)).sort()).toEqual(["c_level", "director", "vp"]);
    const zones = countBy(profiles, (p) => p.user.timeZone);
    expect(Object.keys(zones).sort()).toEqual(["America/New_York", "Europe/Athens", "Europe/Berlin"]);
    expect(zones["Europe/Berlin"]! * 2).toBeGreaterThan(profiles.length);
    expect(new Set(profiles.flatMap((p) => p.languages))).toEqual(new Set(["de", "el", "en"]));
    expect(profiles.every((p) => p.cadencePerQuarter >= 1 && p.cadencePerQuarter <= 2)).toBe(true);

    const personaRows = await db.select().from(personas);
    expect(personaRows).toHaveLength(4);
    expect(personaRows.every((p) => p.description.length > 20)).toBe(true);

    const hosts = await db.query.customerHosts.findMany({ with: { consents: true } });
    expect(hosts).toHaveLength(6);
    expect(new Set(hosts.map((h) => h.language))).toEqual(new Set(["de", "el", "en"]));
    expect(hosts.every((h) => h.personaId && h.firstName.length > 0 && h.consents.length > 0)).toBe(true);
    expect(hosts.flatMap((h) => h.consents).filter((c) => c.withdrawnAt)).toHaveLength(1);
  });

  it("has safaris in every state, and never a host without consent on the day", async () => {
    const db = await getDb();
    await seedDemoData(db, { now });
    const all = await db.query.events.findMany({ with: { personas: true, hosts: { with: { host: { with: { consents: true } } } }, participations: true } });
    expect(all).toHaveLength(15);
    expect(new Set(all.map((e) => e.type)).size).toBeGreaterThanOrEqual(6);
    expect(all.every((e) => e.seats >= 1 && e.seats <= 6 && e.personas.length > 0)).toBe(true);

    const twoMonths = 62 * 86_400_000;
    const past = all.filter((e) => e.endAt < now);
    const future = all.filter((e) => e.startAt > now);
    expect(past.length + future.length).toBe(15);
    expect(past.every((e) => e.status === "completed" && now.getTime() - e.startAt.getTime() < twoMonths)).toBe(true);
    expect(future.every((e) => e.status !== "completed" && e.startAt.getTime() - now.getTime() < twoMonths)).toBe(true);
    expect(countBy(future, (e) => e.status)).toMatchObject({ draft: 2, cancelled: 1 });
    expect(countBy(future, (e) => e.status).published).toBeGreaterThanOrEqual(3);

    for (const event of all) {
      // Drafts may wait for a consent (publishing checks it); everything published was covered when it ran.
      if (event.status !== "draft") {
        for (const { host } of event.hosts) {
          expect(consentVerdict(host.consents, event, event.startAt, { timeZone: event.timeZone })).toMatchObject({ ok: true });
        }
      }
      const statuses = new Set(event.participations.map((p) => p.status));
      if (event.status === "completed") expect([...statuses].every((s) => s === "attended" || s === "no_show")).toBe(true);
      if (event.status === "published") expect(statuses.has("confirmed")).toBe(true);
      if (event.status === "cancelled") expect([...statuses]).toEqual(["cancelled"]);
      if (event.status === "draft") expect(event.participations).toHaveLength(0);
      expect(event.seatsTaken).toBe(event.participations.filter((p) => holdsSeat(p.status)).length);
    }
    expect(past.flatMap((e) => e.participations).some((p) => p.status === "no_show")).toBe(true);
  });

  it("has reflections with every visibility and commitments done, open and overdue", async () => {
    const db = await getDb();
    await seedDemoData(db, { now });
    const rows = await db.query.reflections.findMany({ with: { participation: true, emotions: true, moments: true, commitments: { with: { moments: true } } } });
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(6);
    const visibilities = countBy(rows, (r) => r.visibility);
    expect(visibilities).toMatchObject({ private: 1, anonymised: 1 });
    expect(visibilities.cx_team).toBeGreaterThan(rows.length / 2);
    for (const r of rows) {
      expect(r.participation.status).toBe("attended");
      expect(r.participation.executiveId).toBe(r.authorId);
      expect(r.emotions.length).toBeGreaterThan(0);
      // The same words the reflection form offers, so the summary can label them.
      for (const { emotion } of r.emotions) expect(emotionOptions.map((o) => o.value)).toContain(emotion);
      // Structured: ouch and aah moments with a stage, a quote among them, the empathy items before (the
      // briefing's, copied) and after with a positive shift, and every commitment answering a moment.
      expect(new Set(r.moments.map((m) => m.kind))).toEqual(new Set(["ouch", "aah"]));
      expect(r.moments.every((m) => m.journeyStage !== null)).toBe(true);
      expect(r.moments.some((m) => m.quote !== "")).toBe(true);
      expect(r.empathyItemsBefore).toEqual(r.participation.empathyBefore);
      expect(r.empathyShift!).toBeGreaterThan(0);
      expect(r.surpriseScore).not.toBeNull();
      expect(r.commitments.every((c) => c.moments.length > 0)).toBe(true);
      expect(r.commitments.every((c) => c.ownerId === r.authorId)).toBe(true);
    }
    const all = rows.flatMap((r) => r.commitments);
    const today = now.toISOString().slice(0, 10);
    expect(all.some((c) => c.status === "done" && c.doneAt! <= now)).toBe(true);
    expect(all.some((c) => c.status === "open" && c.dueOn >= today)).toBe(true);
    expect(all.some((c) => c.status === "open" && c.dueOn < today)).toBe(true);
  });

  it("leaves at least four executives not out yet this quarter", async () => {
    const db = await getDb();
    await seedDemoData(db, { now });
    const quarter = quarterContaining(now, "Europe/Berlin");
    const attended = await db.query.participations.findMany({ where: (p, { eq }) => eq(p.status, "attended"), with: { event: true } });
    const outThisQuarter = new Set(attended.filter((p) => p.event.startAt >= quarter.start && p.event.startAt < quarter.end).map((p) => p.executiveId));
    const executiveCount = await db.$count(executiveProfiles);
    expect(outThisQuarter.size).toBeGreaterThan(0);
    expect(executiveCount - outThisQuarter.size).toBeGreaterThanOrEqual(4);
  });

  it("lists every account as a demo sign-in that works with the demo password", async () => {
    const db = await getDb();
    await seedDemoData(db, { now });
    const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
    expect(demoSignIns.map((s) => s.email).sort()).toEqual(emails.sort());
    for (const signIn of demoSignIns) {
      const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, signIn.email) });
      expect(user?.role).toBe(signIn.role);
      expect(await verifyPassword(user?.passwordHash, demoPassword)).toBe(true);
    }
  });
});
