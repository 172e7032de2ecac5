import { beforeAll, describe, expect, it } from "vitest";
import { listCadence } from "@/lib/cadence/data";
import { getDb } from "@/db";
import { participations, type ParticipationStatus } from "@/db/schema";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { parseQuarter, shapeSummary, type EngagementFigures, type EngagementSummary } from "@/lib/engagement/summary";
import { updateCommitment } from "@/lib/commitments/mutations";
import { createReflection } from "@/lib/reflections/mutations";
import type { Emotion, ReflectionInput } from "@/lib/reflections/schema";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * A known quarter (Q3 2026 in Europe/Berlin) with twelve executives:
 *   Sales   s1 C-level, s2–s5 VP           s1–s4 out this quarter, s5 only confirmed (and out in Q2)
 *   Service v1–v3 director, v4–v5 VP       v1, v2 out; v3 a no-show
 *   Finance f1 C-level                     out (on a safari ending after midnight, 1 October)
 *   Legal   l1 director                    not out
 */
import { walkPages } from "../support/paging";

const berlin = "Europe/Berlin";
const today = "2026-10-15";
let figures: EngagementFigures;
let summary: EngagementSummary;
const names = new Map<string, string>();
// The per-person counts, by name and in a fixed order, so they compare.
const byName = <T extends { authorId?: string; ownerId?: string }>(rows: T[]) =>
  rows
    .map(({ authorId, ownerId, ...rest }) => ({ who: names.get((authorId ?? ownerId)!), ...rest }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function attend(eventId: string, executiveId: string, status: ParticipationStatus = "attended") {
  const db = await getDb();
  const [participation] = await db.insert(participations).values({ eventId, executiveId, status, source: "matched" }).returning();
  return participation!.id;
}

function reflection(participationId: string, emotion: Emotion, intensity: number, visibility: ReflectionInput["visibility"], dueOn: string): ReflectionInput {
  return structuredReflection(participationId, { ouch: "Waited on hold", aah: "Called back", emotion, intensity, visibility, commitment: `Fix it by ${dueOn}`, dueOn });
}

beforeAll(async () => {
  const organizer = await makeUser("organizer");
  await makeUser("reviewer");
  const exec = async (name: string, department: string, seniority: "c_level" | "vp" | "director") => {
    const executive = await makeExecutive({ department, seniority }, { name });
    names.set(executive.id, name);
    return executive;
  };
  const [s1, s2, s3, s4, s5] = [
    await exec("s1", "Sales", "c_level"),
    await exec("s2", "Sales", "vp"),
    await exec("s3", "Sales", "vp"),
    await exec("s4", "Sales", "vp"),
    await exec("s5", "Sales", "vp"),
  ];
  const [v1, v2, v3] = [await exec("v1", "Service", "director"), await exec("v2", "Service", "director"), await exec("v3", "Service", "director")];
  await exec("v4", "Service", "vp");
  await exec("v5", "Service", "vp");
  const f1 = await exec("f1", "Finance", "c_level");
  await exec("l1", "Legal", "director");

  const event = (start: string, hours: number) =>
    makeEvent(organizer.id, { startAt: new Date(start), endAt: new Date(new Date(start).getTime() + hours * 3_600_000), seats: 10, status: "completed" });
  const breakfast = await event("2026-07-10T07:00:00Z", 2);
  const calls = await event("2026-08-05T12:00:00Z", 1.5);
  const lateNight = await event("2026-09-30T21:30:00Z", 1); // 23:30 on 30 September in Berlin
  const june = await event("2026-06-15T08:00:00Z", 3);

  const p = {
    s1: await attend(breakfast.id, s1.id),
    s2: await attend(breakfast.id, s2.id),
    s4a: await attend(breakfast.id, s4.id),
    v1: await attend(breakfast.id, v1.id),
    s3: await attend(calls.id, s3.id),
    s4b: await attend(calls.id, s4.id),
    v2: await attend(calls.id, v2.id),
    f1: await attend(lateNight.id, f1.id),
    s5june: await attend(june.id, s5.id),
  };
  await attend(breakfast.id, s5.id, "confirmed");
  await attend(calls.id, v3.id, "no_show");

  const s1Reflection = await createReflection(s1.id, reflection(p.s1, "frustrated", 4, "cx_team", "2026-08-01"));
  const s2Reflection = await createReflection(s2.id, reflection(p.s2, "frustrated", 2, "anonymised", "2026-09-01"));
  await createReflection(s3.id, reflection(p.s3, "angry", 5, "private", "2027-01-01"));
  const s4Reflection = await createReflection(s4.id, reflection(p.s4b, "moved", 3, "cx_team", "2026-12-31"));
  await createReflection(s5.id, reflection(p.s5june, "worried", 5, "cx_team", "2026-07-01"));

  const db = await getDb();
  const s2Commitment = await db.query.commitments.findFirst({ where: (c, { eq }) => eq(c.reflectionId, s2Reflection) });
  await updateCommitment(s2.id, { commitmentId: s2Commitment!.id, status: "done", note: "" });
  // In progress counts like open: s1's stays overdue (due 1 August), s4's open (due 31 December).
  for (const [owner, reflectionId] of [[s1, s1Reflection], [s4, s4Reflection]] as const) {
    const commitment = await db.query.commitments.findFirst({ where: (c, { eq }) => eq(c.reflectionId, reflectionId) });
    await updateCommitment(owner.id, { commitmentId: commitment!.id, status: "in_progress", note: "Started" });
  }

  figures = await loadEngagementFigures(parseQuarter("2026-Q3", berlin)!, today);
  summary = shapeSummary(figures);
});

describe("leadership-engagement summary for a known quarter", () => {
  it("counts executives with an attended safari that started in the quarter, and their hours", () => {
    expect(summary.executives).toEqual({ shown: true, value: { total: 12, withContact: 7, label: "7 of 12 executives (58 %)" } });
    // breakfast 2 h × 4, calls 1.5 h × 3, late night 1 h × 1; June, confirmed and no-show do not count.
    expect(summary.hours.shown && summary.hours.value).toBeCloseTo(13.5, 6);
  });

  it("counts the quarter's reflections by author, and emotions only from those their authors let count", () => {
    expect(byName(figures.reflections)).toEqual([
      { who: "s1", count: 1 },
      { who: "s2", count: 1 },
      { who: "s3", count: 1 },
      { who: "s4", count: 1 },
    ]);
    const emotions = figures.emotions.map(({ authorIds, ...rest }) => ({ ...rest, who: authorIds.map((id) => names.get(id)).sort() }));
    expect(emotions.sort((a, b) => a.emotion.localeCompare(b.emotion))).toEqual([
      { emotion: "frustrated", who: ["s1", "s2"], reports: 2, intensitySum: 6 },
      { emotion: "moved", who: ["s4"], reports: 1, intensitySum: 3 },
    ]);
  });

  it("counts commitments made on the quarter's reflections by owner: open, done and overdue, in progress as open", () => {
    expect(byName(figures.commitments)).toEqual([
      { who: "s1", state: "overdue", count: 1 },
      { who: "s2", state: "done", count: 1 },
      { who: "s3", state: "open", count: 1 },
      { who: "s4", state: "open", count: 1 },
    ]);
  });

  it("shows none of those figures, since four authors are fewer than five people", () => {
    expect(summary.reflections).toEqual({ shown: false });
    expect(summary.emotions).toEqual({ rows: [], incomplete: true });
    expect(summary.commitments).toEqual({ made: { shown: false }, rows: [], incomplete: true });
  });

  it("shows no group under five on its own, not even as the total minus the rows shown", () => {
    // Finance (1) and Legal (1) are too few even together, so the smallest shown group, Sales, joins them.
    expect(summary.byDepartment).toEqual({
      rows: [
        { label: "Service", executives: 5, withContact: 2, share: 40 },
        { label: "Other departments (merged)", executives: 7, withContact: 5, share: 71 },
      ],
      incomplete: false,
    });
    expect(summary.bySeniority).toEqual({
      rows: [
        { label: "VP", executives: 6, withContact: 3, share: 50 },
        { label: "Other seniority levels (merged)", executives: 6, withContact: 4, share: 67 },
      ],
      incomplete: false,
    });
  });

  it("lists the executives not out yet this quarter, paged, longest without customer contact first", async () => {
    const quarter = parseQuarter("2026-Q3", berlin)!;
    const query = { start: quarter.start, end: quarter.end, now: new Date("2026-10-15T12:00:00Z"), zone: berlin, department: null, seniority: null, sort: "contact" as const, notOut: true };
    const rows = await walkPages((cursor) => listCadence(query, cursor, 2), 2, (row) => row.id);
    // Never out comes first (ties by id, the list's last key, descending), then s5, out in June only.
    const never = rows.filter((row) => row.daysSince === null);
    expect(never.map((row) => names.get(row.id)).sort()).toEqual(["l1", "v3", "v4", "v5"]);
    expect(never.map((row) => row.id)).toEqual(never.map((row) => row.id).sort().reverse());
    expect(rows.map((row) => [names.get(row.id), row.department, row.daysSince])).toEqual([...never.map((row) => [names.get(row.id), row.department, null]), ["s5", "Sales", 122]]);
    // The same people the summary counts as without contact.
    expect(rows).toHaveLength(figures.executives.filter((e) => e.safaris === 0).length);
  });

  it("counts nothing in a quarter without safaris, but still every executive", async () => {
    const none = await loadEngagementFigures(parseQuarter("2025-Q1", berlin)!, today);
    expect([none.executives.length, none.reflections, none.emotions, none.commitments]).toEqual([12, [], [], []]);
    const empty = shapeSummary(none);
    expect(empty.executives).toEqual({ shown: true, value: { total: 12, withContact: 0, label: "0 of 12 executives (0 %)" } });
    // Nobody is fewer than five people too: no zero stands beside a hidden figure.
    expect([empty.hours, empty.reflections, empty.emotions, empty.commitments]).toEqual([
      { shown: false },
      { shown: false },
      { rows: [], incomplete: false },
      { made: { shown: false }, rows: [], incomplete: false },
    ]);
  });
});
