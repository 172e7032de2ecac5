import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, executiveBlackouts, executiveProfiles, users } from "@/db/schema";
import { handleFormAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/config";
import { type ExecutiveQuery, findExecutiveProfile, listExecutives, listPeople, type PeopleQuery } from "@/lib/people/data";
import { saveExecutiveProfile, saveOwnProfile } from "@/lib/people/mutations";
import { executiveProfileSchema, ownProfileSchema, type OwnProfileInput } from "@/lib/people/schema";
import { builtInTypeKeys } from "../support/event-types";
import { makeExecutive, makeUser } from "../support/factories";
import { databaseKind } from "../support/database";
import { walkPages } from "../support/paging";

/*
 * Executive profiles against the real database: the executive's own form (through the action wrapper,
 * with the signed-in user handed in as the session would), and the CX team's form.
 */
const now = new Date("2026-03-01T12:00:00Z");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const asSession = (user: SessionUser): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  timeZone: user.timeZone,
});

/** What the executive's own action does, with the user the session would give. */
function saveOwn(user: SessionUser, fields: Record<string, string | string[]>) {
  return handleFormAction("saveOwnProfileAction", ownProfileSchema(now, builtInTypeKeys), (input, executive) => saveOwnProfile(executive.id, input, now), user, form(fields));
}

function saveAsOrganizer(user: SessionUser, fields: Record<string, string>) {
  return handleFormAction("saveExecutiveProfileAction", executiveProfileSchema, (input, organizer) => saveExecutiveProfile(organizer.id, input).then(() => "Saved."), user, form(fields));
}

async function blackoutsOf(userId: string) {
  const db = await getDb();
  return db.select().from(executiveBlackouts).where(eq(executiveBlackouts.userId, userId)).orderBy(executiveBlackouts.startAt);
}

async function profileRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(executiveProfiles).where(eq(executiveProfiles.userId, userId));
  return row;
}

async function timeZoneOf(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone;
}

describe(`an executive's own profile (${databaseKind})`, () => {
  it("saves time zone, languages, preferred types and blackouts, read as wall-clock times in the chosen zone", async () => {
    const executive = await makeExecutive({ languages: ["de"] });
    const state = await saveOwn(asSession(executive), {
      timeZone: "Europe/Athens",
      languages: ["el", "en", "el"],
      preferredTypes: ["home_visit", "call_listening"],
      blackoutStart: ["2026-04-06T00:00", "2026-05-01T09:00"],
      blackoutEnd: ["2026-04-11T00:00", "2026-05-01T17:30"],
    });
    expect(state).toEqual({ status: "success", message: "Saved." });
    expect(await timeZoneOf(executive.id)).toBe("Europe/Athens");
    expect(await profileRow(executive.id)).toMatchObject({ languages: ["el", "en"], preferredTypes: ["home_visit", "call_listening"] });
    // Athens is UTC+3 in summer time.
    expect((await blackoutsOf(executive.id)).map((b) => [b.startAt.toISOString(), b.endAt.toISOString(), b.timeZone])).toEqual([
      ["2026-04-05T21:00:00.000Z", "2026-04-10T21:00:00.000Z", "Europe/Athens"],
      ["2026-05-01T06:00:00.000Z", "2026-05-01T14:30:00.000Z", "Europe/Athens"],
    ]);
    // What the matcher will read: the same fields, by the names of its input.
    const view = await findExecutiveProfile(executive.id, now);
    expect(view?.timeZone).toBe("Europe/Athens");
    expect(view?.profile?.blackouts).toHaveLength(2);
  });

  it("saves only the signed-in executive's profile, whatever id the form carries", async () => {
    const executive = await makeExecutive({ languages: ["de"] });
    const other = await makeExecutive({ languages: ["fr"] }, { timeZone: "Europe/Paris" });
    const state = await saveOwn(asSession(executive), {
      userId: other.id,
      executiveId: other.id,
      timeZone: "Europe/Rome",
      languages: "it",
      blackoutStart: "2026-06-01T00:00",
      blackoutEnd: "2026-06-02T00:00",
    });
    expect(state.status).toBe("success");
    expect((await profileRow(executive.id))?.languages).toEqual(["it"]);
    expect(await timeZoneOf(executive.id)).toBe("Europe/Rome");
    expect((await profileRow(other.id))?.languages).toEqual(["fr"]);
    expect(await timeZoneOf(other.id)).toBe("Europe/Paris");
    expect(await blackoutsOf(other.id)).toEqual([]);
  });

  it("is refused to the CX team: organizers set the programme's part, not the executive's", async () => {
    const organizer = await makeUser("organizer");
    const state = await saveOwn(asSession(organizer), { timeZone: "Europe/Rome", languages: "it" });
    expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
  });

  it("replaces the blackouts not yet over, and keeps past ones as they were", async () => {
    const executive = await makeExecutive();
    const db = await getDb();
    await db.insert(executiveBlackouts).values([
      { userId: executive.id, startAt: new Date("2026-02-01T00:00Z"), endAt: new Date("2026-02-05T00:00Z"), timeZone: "Europe/Berlin" },
      { userId: executive.id, startAt: new Date("2026-04-01T00:00Z"), endAt: new Date("2026-04-05T00:00Z"), timeZone: "Europe/Berlin" },
    ]);
    expect((await saveOwn(asSession(executive), { timeZone: "UTC" })).status).toBe("success");
    expect((await blackoutsOf(executive.id)).map((b) => b.startAt.toISOString())).toEqual(["2026-02-01T00:00:00.000Z"]);
    expect((await findExecutiveProfile(executive.id, now))?.profile?.blackouts).toEqual([]);
  });

  it("shows every bad field as a field error and writes nothing", async () => {
    const executive = await makeExecutive({ languages: ["de"] });
    const state = await saveOwn(asSession(executive), {
      timeZone: "Mars/Olympus_Mons",
      languages: ["de", "xx"],
      preferredTypes: "space_walk",
    });
    expect(state).toMatchObject({ status: "error", code: "VALIDATION" });
    expect(state.status === "error" && state.fieldErrors).toEqual({
      timeZone: ["Choose a time zone from the list (an IANA name such as Europe/Berlin)."],
      languages: ["Choose languages from the list."],
      preferredTypes: ["Choose safari types from the list."],
    });
    expect((await profileRow(executive.id))?.languages).toEqual(["de"]);
  });

  it("checks each blackout across a daylight-saving change: skipped hours refused, a 23-hour day kept as 23 hours", async () => {
    const executive = await makeExecutive();
    // Berlin's clocks go from 02:00 to 03:00 on 29 March 2026 and back from 03:00 to 02:00 on 25 October.
    const refused = await saveOwn(asSession(executive), {
      timeZone: "Europe/Berlin",
      blackoutStart: ["2026-03-29T02:30", "2026-03-28T12:00", "2026-10-25T02:45", "2026-04-01T10:00", "2026-02-01T10:00", "2026-04-02T10:00"],
      blackoutEnd: ["2026-03-29T04:00", "2026-03-29T02:15", "2026-10-25T02:15", "2026-04-01T10:00", "2026-02-02T10:00", ""],
    });
    expect(refused.status === "error" && refused.fieldErrors).toEqual({
      blackout1: ["The start does not exist in Europe/Berlin because the clocks change then. Choose a time outside the skipped hour."],
      blackout2: ["The end does not exist in Europe/Berlin because the clocks change then. Choose a time outside the skipped hour."],
      blackout3: ["The end must be after the start."],
      blackout4: ["The end must be after the start."],
      blackout5: ["This period is over already: remove it."],
      blackout6: ["Enter the end date and time."],
    });
    expect(await blackoutsOf(executive.id)).toEqual([]);

    const saved = await saveOwn(asSession(executive), {
      timeZone: "Europe/Berlin",
      blackoutStart: ["2026-03-28T12:00", "2026-10-25T02:30"],
      blackoutEnd: ["2026-03-29T12:00", "2026-10-25T02:45"],
    });
    expect(saved.status).toBe("success");
    const [spring, autumn] = await blackoutsOf(executive.id);
    // Noon to noon across the spring change is 23 hours of real time.
    expect([spring!.startAt.toISOString(), spring!.endAt.toISOString()]).toEqual(["2026-03-28T11:00:00.000Z", "2026-03-29T10:00:00.000Z"]);
    // A wall-clock time that happens twice is the first one (still summer time, UTC+2).
    expect([autumn!.startAt.toISOString(), autumn!.endAt.toISOString()]).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T00:45:00.000Z"]);
  });

  it("takes at most 50 blackout periods", async () => {
    const executive = await makeExecutive();
    const days = Array.from({ length: 51 }, (_, i) => new Date(Date.UTC(2026, 3, 1 + i)).toISOString().slice(0, 10));
    const state = await saveOwn(asSession(executive), {
      timeZone: "UTC",
      blackoutStart: days.map((d) => `${d}T09:00`),
      blackoutEnd: days.map((d) => `${d}T10:00`),
    });
    expect(state.status === "error" && state.fieldErrors).toEqual({ blackouts: ["Keep to 50 blackout periods or fewer: remove some."] });
    expect((await saveOwn(asSession(executive), { timeZone: "UTC", blackoutStart: days.slice(1).map((d) => `${d}T09:00`), blackoutEnd: days.slice(1).map((d) => `${d}T10:00`) })).status).toBe("success");
    expect(await blackoutsOf(executive.id)).toHaveLength(50);
  });

  it("saves nothing half-way: a blackout the database refuses leaves zone, languages and blackouts as they were", async () => {
    const executive = await makeExecutive({ languages: ["de"] }, { timeZone: "Europe/Berlin" });
    await saveOwnProfile(executive.id, { timeZone: "Europe/Berlin", languages: ["de"], preferredTypes: [], blackouts: [blackout("2026-04-01T00:00Z", "2026-04-02T00:00Z")] }, now);
    // Past the schema (as a bug might send it): the second blackout ends before it starts.
    const broken: OwnProfileInput = {
      timeZone: "Asia/Tokyo",
      languages: ["en"],
      preferredTypes: ["other"],
      blackouts: [blackout("2026-05-01T00:00Z", "2026-05-02T00:00Z"), blackout("2026-06-02T00:00Z", "2026-06-01T00:00Z")],
    };
    await expect(saveOwnProfile(executive.id, broken, now)).rejects.toThrow();
    expect(await timeZoneOf(executive.id)).toBe("Europe/Berlin");
    expect(await profileRow(executive.id)).toMatchObject({ languages: ["de"], preferredTypes: [] });
    expect((await blackoutsOf(executive.id)).map((b) => b.startAt.toISOString())).toEqual(["2026-04-01T00:00:00.000Z"]);
  });

  it("cannot be saved before the CX team has set the profile up, and then changes nothing", async () => {
    const executive = await makeUser("executive", { timeZone: "Europe/Berlin" });
    const state = await saveOwn(asSession(executive), { timeZone: "Asia/Tokyo", languages: "en" });
    expect(state).toMatchObject({ status: "error", code: "INVALID_STATE", message: "The CX team has not set up your profile yet. Please ask them to." });
    expect(await timeZoneOf(executive.id)).toBe("Europe/Berlin");
    expect(await profileRow(executive.id)).toBeUndefined();
  });
});

function blackout(start: string, end: string) {
  return { start: "", end: "", startAt: new Date(start), endAt: new Date(end) };
}

describe(`the CX team's part of a profile (${databaseKind})`, () => {
  it("edits department, seniority, cadence target and monthly cap, and records from and to of what changed", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive({ department: "Sales", seniority: "vp", cadencePerQuarter: 1 });
    const state = await saveAsOrganizer(asSession(organizer), {
      executiveId: executive.id,
      department: "  Customer Care ",
      seniority: "vp",
      cadencePerQuarter: "3",
      monthlyCap: "2",
    });
    expect(state.status).toBe("success");
    expect(await profileRow(executive.id)).toMatchObject({ department: "Customer Care", seniority: "vp", cadencePerQuarter: 3, monthlyCap: 2 });
    const db = await getDb();
    const lines = await db.select().from(auditLog).where(and(eq(auditLog.action, "profile.edit"), eq(auditLog.objectId, executive.id)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      actorId: organizer.id,
      objectType: "user",
      details: { created: false, department: { from: "Sales", to: "Customer Care" }, cadencePerQuarter: { from: 1, to: 3 } },
    });
    // Saving the same values again changes nothing and records nothing.
    expect(await saveExecutiveProfile(organizer.id, { executiveId: executive.id, department: "Customer Care", seniority: "vp", cadencePerQuarter: 3, monthlyCap: 2 })).toEqual({ created: false, changed: [] });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "profile.edit"), eq(auditLog.objectId, executive.id)))).toHaveLength(1);
  });

  it("creates the profile of an executive who has none, leaving the executive's own fields at their defaults", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeUser("executive");
    expect((await listExecutives({ search: executive.email }, null, 5))!.rows).toMatchObject([{ id: executive.id, department: null }]);
    expect(await saveExecutiveProfile(organizer.id, { executiveId: executive.id, department: "Finance", seniority: "director", cadencePerQuarter: 2, monthlyCap: 1 })).toEqual({
      created: true,
      changed: ["department", "seniority", "cadencePerQuarter", "monthlyCap"],
    });
    expect(await profileRow(executive.id)).toMatchObject({ department: "Finance", seniority: "director", cadencePerQuarter: 2, monthlyCap: 1, languages: [], preferredTypes: [] });
    const db = await getDb();
    const [line] = await db.select().from(auditLog).where(and(eq(auditLog.action, "profile.edit"), eq(auditLog.objectId, executive.id)));
    expect(line?.details).toMatchObject({ created: true, monthlyCap: { from: null, to: 1 } });
  });

  it("answers not found for an id that is no executive, and writes nothing", async () => {
    const organizer = await makeUser("organizer");
    const values = { department: "Finance", seniority: "director" as const, cadencePerQuarter: 2, monthlyCap: 1 };
    await expect(saveExecutiveProfile(organizer.id, { executiveId: organizer.id, ...values })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveExecutiveProfile(organizer.id, { executiveId: randomUUID(), ...values })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await profileRow(organizer.id)).toBeUndefined();
    expect(await findExecutiveProfile(organizer.id, now)).toBeNull();
  });

  it("is refused to executives", async () => {
    const executive = await makeExecutive({ cadencePerQuarter: 1 });
    const state = await saveAsOrganizer(asSession(executive), { executiveId: executive.id, department: "Sales", seniority: "c_level", cadencePerQuarter: "0", monthlyCap: "0" });
    expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect((await profileRow(executive.id))?.cadencePerQuarter).toBe(1);
  });

  it("shows a field error for every bad value and writes nothing", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive({ department: "Sales", cadencePerQuarter: 1 });
    const state = await saveAsOrganizer(asSession(organizer), {
      executiveId: executive.id,
      department: "   ",
      seniority: "intern",
      cadencePerQuarter: "13",
      monthlyCap: "",
    });
    expect(state.status === "error" && state.fieldErrors).toEqual({
      department: ["Enter the department."],
      seniority: ["Choose a seniority."],
      cadencePerQuarter: ["Enter the target as a whole number from 0 to 12."],
      monthlyCap: ["Enter the cap as a whole number from 0 to 31."],
    });
    expect(await profileRow(executive.id)).toMatchObject({ department: "Sales", cadencePerQuarter: 1 });
  });

  it("keeps the monthly cap in range in the database too", async () => {
    const executive = await makeExecutive();
    const db = await getDb();
    await expect(db.update(executiveProfiles).set({ monthlyCap: 32 }).where(eq(executiveProfiles.userId, executive.id))).rejects.toThrow();
    await expect(db.update(executiveProfiles).set({ monthlyCap: -1 }).where(eq(executiveProfiles.userId, executive.id))).rejects.toThrow();
    expect((await profileRow(executive.id))?.monthlyCap).toBe(2);
  });
});

describe("the lists of people, paged and filtered", () => {
  // Names carry a marker of their own, so the search keeps other tests' people out.
  async function people(marker: string) {
    const made = [];
    for (let i = 0; i < 7; i++) {
      const role = i < 5 ? "executive" : "reviewer";
      made.push(await makeUser(role, { name: `${marker} ${String.fromCharCode(71 - i)}` }));
    }
    // Two of the executives in Finance as directors, the rest without a profile.
    for (const user of made.slice(0, 2)) {
      await saveExecutiveProfile(made[5]!.id, { executiveId: user.id, department: `Finance ${marker}`, seniority: "director", cadencePerQuarter: 1, monthlyCap: 1 });
    }
    return made.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  }
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  it("pages the accounts by name, forward and back, with role and search filters", async () => {
    const marker = `Zq${crypto.randomUUID().slice(0, 6)}`;
    const made = await people(marker);
    const walk = (query: PeopleQuery, size: number) => walkPages((cursor) => listPeople(query, cursor, size), size, (row) => row.id);
    expect(ids(await walk({ search: marker.toUpperCase() }, 3))).toEqual(ids(made));
    expect(ids(await walk({ search: marker, role: "reviewer" }, 1))).toEqual(ids(made.filter((u) => u.role === "reviewer")));
    expect(await listPeople({ search: `${marker}-nobody` }, null, 3)).toEqual({ rows: [], count: 0, next: null, previous: null });
  });

  it("pages the executives by name, with department and seniority filters, and refuses a cursor outside the filter", async () => {
    const marker = `Zx${crypto.randomUUID().slice(0, 6)}`;
    const made = await people(marker);
    const walk = (query: ExecutiveQuery, size: number) => walkPages((cursor) => listExecutives(query, cursor, size), size, (row) => row.id);
    const executives = made.filter((u) => u.role === "executive");
    expect(ids(await walk({ search: marker }, 2))).toEqual(ids(executives));
    const finance = await walk({ search: marker, department: `Finance ${marker}`, seniority: "director" }, 1);
    expect(finance).toHaveLength(2);
    expect(await walk({ search: marker, department: `Finance ${marker}`, seniority: "vp" }, 1)).toEqual([]);
    const outside = executives.find((u) => !finance.some((f) => f.id === u.id))!;
    expect(await listExecutives({ search: marker, department: `Finance ${marker}` }, { after: outside.id }, 1)).toBeNull();
  });
});
