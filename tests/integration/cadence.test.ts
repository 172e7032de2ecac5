import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { participations, type ParticipationStatus } from "@/db/schema";
import { listCadence, listDepartments, type CadenceCursor, type CadencePage, type CadenceQuery, type CadenceRow } from "@/lib/cadence/data";
import type { CadenceSort } from "@/lib/cadence/schema";
import { parseQuarter } from "@/lib/engagement/summary";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * The cadence board against a real database: the figures per executive for a quarter in Berlin (in and out
 * of the period, cancelled safaris nowhere, days since the last contact on Berlin's calendar across the
 * clock change of 29 March 2026), and keyset pages over executives whose sort keys tie.
 */
const berlin = "Europe/Berlin";
const q1 = parseQuarter("2026-Q1", berlin)!;
// 00:30 on Monday 30 March in Berlin (summer time since the night before); still 29 March in UTC.
const now = new Date("2026-03-29T22:30:00Z");
const query = (overrides: Partial<CadenceQuery> = {}): CadenceQuery => ({
  start: q1.start,
  end: q1.end,
  now,
  zone: berlin,
  department: null,
  seniority: null,
  sort: "name",
  ...overrides,
});

let organizerId: string;
async function seat(eventId: string, executiveId: string, status: ParticipationStatus) {
  const db = await getDb();
  // An open invitation needs its deadline, a waitlist place its time (the database checks both).
  const respondBy = status === "invited" ? new Date("2030-01-01T00:00:00Z") : null;
  const waitlistedAt = status === "waitlisted" ? new Date("2026-01-01T00:00:00Z") : null;
  await db.insert(participations).values({ eventId, executiveId, status, source: "assigned", respondBy, waitlistedAt });
}
async function safari(startIso: string, endIso: string, status: "published" | "completed" | "cancelled" = "completed") {
  return makeEvent(organizerId, { startAt: new Date(startIso), endAt: new Date(endIso), status });
}

type Who = "anna" | "ben" | "cleo" | "dora" | "l1" | "l2" | "l3" | "l4" | "l5" | "l6" | "l7" | "sales";
const ids = {} as Record<Who, string>;

beforeAll(async () => {
  organizerId = (await makeUser("organizer")).id;

  // Figures.
  ids.anna = (await makeExecutive({ department: "Figures", seniority: "c_level", cadencePerQuarter: 2 }, { name: "Anna Figures" })).id;
  ids.ben = (await makeExecutive({ department: "Figures", seniority: "vp", cadencePerQuarter: 3 }, { name: "Ben Figures" })).id;
  ids.cleo = (await makeExecutive({ department: "Figures", seniority: "director", cadencePerQuarter: 1 }, { name: "Cleo Figures" })).id;
  // An executive whose profile is not written yet: no department, no target.
  ids.dora = (await makeUser("executive", { name: "Dora Noprofile" })).id;

  const attendedFeb = await safari("2026-02-10T09:00:00Z", "2026-02-10T11:00:00Z");
  // Saturday 28 March, 21:30–23:30 in Berlin (winter time): Anna's last contact.
  const attendedLast = await safari("2026-03-28T20:30:00Z", "2026-03-28T22:30:00Z");
  // 22:00–23:00 on 31 March in Berlin: the quarter's last evening.
  const confirmedLate = await safari("2026-03-31T20:00:00Z", "2026-03-31T21:00:00Z", "published");
  const invited = await safari("2026-03-15T09:00:00Z", "2026-03-15T10:00:00Z", "published");
  const waitlisted = await safari("2026-03-16T09:00:00Z", "2026-03-16T10:00:00Z", "published");
  const declined = await safari("2026-03-17T09:00:00Z", "2026-03-17T10:00:00Z", "published");
  // 23:30 on New Year's Eve in Berlin: the quarter before.
  const newYearsEve = await safari("2025-12-31T22:30:00Z", "2025-12-31T23:30:00Z");
  // 00:30 on 1 April in Berlin: the quarter after, though still 31 March in UTC.
  const aprilFirst = await safari("2026-03-31T22:30:00Z", "2026-03-31T23:30:00Z", "published");
  // Cancelled after the fact, with a participation that still says attended: counts nowhere.
  const cancelled = await safari("2026-03-29T10:00:00Z", "2026-03-29T11:00:00Z", "cancelled");

  await seat(attendedFeb.id, ids.anna, "attended");
  await seat(attendedLast.id, ids.anna, "attended");
  await seat(confirmedLate.id, ids.anna, "confirmed");
  await seat(invited.id, ids.anna, "invited");
  await seat(waitlisted.id, ids.anna, "waitlisted");
  await seat(declined.id, ids.anna, "declined");
  await seat(newYearsEve.id, ids.anna, "attended");
  await seat(aprilFirst.id, ids.anna, "confirmed");
  await seat(cancelled.id, ids.anna, "attended");
  await seat(cancelled.id, ids.cleo, "attended");
  await seat(newYearsEve.id, ids.ben, "attended");
  await seat(invited.id, ids.dora, "invited");

  // Paging: seven in Legal whose keys tie in every sort, and one elsewhere.
  const legal = async (name: string, cadencePerQuarter: number, seniority: "c_level" | "vp" | "director" = "director") =>
    (await makeExecutive({ department: "Legal", seniority, cadencePerQuarter }, { name })).id;
  ids.l1 = await legal("Ada Legal", 1);
  ids.l2 = await legal("Bea Legal", 1);
  ids.l3 = await legal("Bea Legal", 2, "vp");
  ids.l4 = await legal("Cem Legal", 2);
  ids.l5 = await legal("Dan Legal", 0);
  ids.l6 = await legal("Eva Legal", 3, "vp");
  ids.l7 = await legal("Fay Legal", 1, "c_level");
  ids.sales = (await makeExecutive({ department: "Sales" }, { name: "Sam Sales" })).id;
  const shared = await safari("2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z");
  await seat(shared.id, ids.l3, "attended");
  await seat(shared.id, ids.l4, "attended");
  await seat(confirmedLate.id, ids.l6, "confirmed");
  await seat(attendedFeb.id, ids.l7, "attended");
});

const byId = (rows: CadenceRow[], id: string) => rows.find((row) => row.id === id)!;

describe("an executive's figures for a quarter", () => {
  it("counts attended, confirmed and invited for safaris starting in the quarter, and nothing of a cancelled one", async () => {
    const page = (await listCadence(query({ department: "Figures" }), null, 25))!;
    expect(page.count).toBe(3);
    const anna = byId(page.rows, ids.anna);
    expect(anna).toMatchObject({ name: "Anna Figures", department: "Figures", seniority: "c_level", target: 2, attended: 2, confirmed: 1, invited: 1, shortfall: 0, onTrack: true });
    expect(byId(page.rows, ids.ben)).toMatchObject({ target: 3, attended: 0, confirmed: 0, invited: 0, shortfall: 3, onTrack: false });
    expect(byId(page.rows, ids.cleo)).toMatchObject({ target: 1, attended: 0, confirmed: 0, invited: 0, shortfall: 1, onTrack: false, daysSince: null, lastContactAt: null });
  });

  it("counts the safaris on the edges of the quarter in the quarter they belong to in Berlin", async () => {
    const q2 = parseQuarter("2026-Q2", berlin)!;
    const q4 = parseQuarter("2025-Q4", berlin)!;
    const inQ2 = byId((await listCadence(query({ start: q2.start, end: q2.end, department: "Figures" }), null, 25))!.rows, ids.anna);
    expect(inQ2).toMatchObject({ attended: 0, confirmed: 1, invited: 0, shortfall: 1, onTrack: false });
    const inQ4 = (await listCadence(query({ start: q4.start, end: q4.end, department: "Figures" }), null, 25))!.rows;
    expect(byId(inQ4, ids.anna)).toMatchObject({ attended: 1, confirmed: 0, invited: 0 });
    expect(byId(inQ4, ids.ben)).toMatchObject({ attended: 1, shortfall: 2 });
  });

  it("counts days since the last attended safari on Berlin's calendar, across the change to summer time", async () => {
    const rows = (await listCadence(query({ department: "Figures" }), null, 25))!.rows;
    const anna = byId(rows, ids.anna);
    // Saturday 23:30 to Monday 00:30: two days on the calendar, though only 24 hours passed (clocks went forward).
    expect(anna.lastContactAt).toEqual(new Date("2026-03-28T22:30:00Z"));
    expect(anna.daysSince).toBe(2);
    // In UTC the same instants are 28 and 29 March: one day.
    expect(byId((await listCadence(query({ department: "Figures", zone: "UTC" }), null, 25))!.rows, ids.anna).daysSince).toBe(1);
    // Ben's last contact began in the quarter before and ended at 00:30 on 1 January: 1 January to 30 March.
    expect(byId(rows, ids.ben).daysSince).toBe(88);
    // Cleo only "attended" the cancelled safari: never.
    expect(byId(rows, ids.cleo).daysSince).toBeNull();
  });

  it("counts only contacts that ended before now", async () => {
    const earlier = new Date("2026-03-25T12:00:00Z");
    const anna = byId((await listCadence(query({ department: "Figures", now: earlier }), null, 25))!.rows, ids.anna);
    expect(anna.lastContactAt).toEqual(new Date("2026-02-10T11:00:00Z"));
    expect(anna.daysSince).toBe(43);
  });

  it("lists an executive without a profile with no target and no verdict, and only when not filtering by profile", async () => {
    const all = (await listCadence(query(), null, 50))!;
    expect(byId(all.rows, ids.dora)).toMatchObject({ department: null, target: null, invited: 1, shortfall: null, onTrack: null });
    expect(all.count).toBe(12);
    expect((await listCadence(query({ seniority: "vp" }), null, 50))!.rows.map((row) => row.id)).not.toContain(ids.dora);
  });

  it("lists the departments for the filter", async () => {
    expect(await listDepartments()).toEqual(["Figures", "Legal", "Sales"]);
  });
});

/** Every page from the first, following `next` links; then back from the last, following `previous`. */
async function walk(q: CadenceQuery, size: number) {
  const forward: CadencePage[] = [];
  let cursor: CadenceCursor = null;
  for (let i = 0; i < 20; i++) {
    const page: CadencePage = (await listCadence(q, cursor, size))!;
    forward.push(page);
    if (!page.next) break;
    cursor = { after: page.next };
  }
  const backward = [forward[forward.length - 1]!];
  for (let i = 0; i < 20 && backward[0]!.previous; i++) backward.unshift((await listCadence(q, { before: backward[0]!.previous }, size))!);
  return { forward, backward };
}

const ids_ = (rows: CadenceRow[]) => rows.map((row) => row.id);

/** The order each sort promises, written out independently of the SQL: key, then user id, both one way. */
function expectedOrder(rows: CadenceRow[], sort: CadenceSort): string[] {
  const key = (row: CadenceRow) => (sort === "contact" ? (row.daysSince ?? Infinity) : sort === "shortfall" ? (row.shortfall ?? -1) : 0);
  const sorted = [...rows].sort((a, b) => {
    if (sort === "name") return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;
    return key(b) - key(a) || (a.id < b.id ? 1 : -1);
  });
  return ids_(sorted);
}

describe("paging the board", () => {
  const legal = query({ department: "Legal" });

  for (const sort of ["contact", "shortfall", "name"] as const) {
    it(`walks every page by ${sort}, forwards and back, without losing or repeating anyone where keys tie`, async () => {
      const everyone = (await listCadence({ ...legal, sort }, null, 50))!;
      expect(everyone.count).toBe(7);
      expect(ids_(everyone.rows)).toEqual(expectedOrder(everyone.rows, sort));
      const { forward, backward } = await walk({ ...legal, sort }, 3);
      expect(forward.map((page) => page.rows.length)).toEqual([3, 3, 1]);
      expect(forward.flatMap((page) => ids_(page.rows))).toEqual(ids_(everyone.rows));
      expect(backward.flatMap((page) => ids_(page.rows))).toEqual(ids_(everyone.rows));
      expect(forward.every((page) => page.count === 7)).toBe(true);
    });
  }

  it("breaks ties by user id: the four never out, the two sharing a safari, the two with one name", async () => {
    const byContact = ids_((await listCadence({ ...legal, sort: "contact" }, null, 50))!.rows);
    const desc = (...list: string[]) => [...list].sort().reverse();
    expect(byContact.slice(0, 4)).toEqual(desc(ids.l1, ids.l2, ids.l5, ids.l6));
    expect(byContact[4]).toBe(ids.l7);
    expect(byContact.slice(5, 7)).toEqual(desc(ids.l3, ids.l4));
    const byName = ids_((await listCadence({ ...legal, sort: "name" }, null, 50))!.rows);
    expect(byName.slice(1, 3)).toEqual([ids.l2, ids.l3].sort());
    const byShortfall = (await listCadence({ ...legal, sort: "shortfall" }, null, 50))!.rows;
    expect(byShortfall.map((row) => row.shortfall)).toEqual([2, 1, 1, 1, 1, 0, 0]);
  });

  it("has no previous page on the first page and no next page on the last", async () => {
    const first = (await listCadence({ ...legal, sort: "name" }, null, 3))!;
    expect(first.previous).toBeNull();
    expect(first.next).toBe(first.rows[2]!.id);
    const last = (await listCadence({ ...legal, sort: "name" }, { after: ids_((await listCadence({ ...legal, sort: "name" }, null, 6))!.rows)[5]! }, 3))!;
    expect(ids_(last.rows)).toEqual([ids.l7]);
    expect(last.next).toBeNull();
    expect(last.previous).toBe(ids.l7);
    // Exactly one page: neither.
    const one = (await listCadence({ ...legal, sort: "name" }, null, 7))!;
    expect([one.rows.length, one.next, one.previous]).toEqual([7, null, null]);
  });

  it("pages a filtered list: Legal's directors two at a time", async () => {
    const directors = { ...legal, seniority: "director" as const, sort: "name" as const };
    const { forward } = await walk(directors, 2);
    expect(forward.map((page) => page.count)).toEqual([4, 4]);
    expect(forward.flatMap((page) => page.rows.map((row) => row.name))).toEqual(["Ada Legal", "Bea Legal", "Cem Legal", "Dan Legal"]);
    expect(forward[1]!.next).toBeNull();
  });

  it("answers an empty page for a filter nobody matches", async () => {
    const page = (await listCadence(query({ department: "Nobody" }), null, 25))!;
    expect(page).toEqual({ rows: [], count: 0, next: null, previous: null });
  });

  it("answers null for a cursor naming no executive the filter matches", async () => {
    expect(await listCadence(legal, { after: ids.sales }, 3)).toBeNull();
    expect(await listCadence(legal, { before: "00000000-0000-4000-8000-000000000000" }, 3)).toBeNull();
  });
});
