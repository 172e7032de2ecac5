import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { events, participations, reflectionEmotions, reflections } from "@/db/schema";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { parseQuarter, shapeSummary } from "@/lib/engagement/summary";
import { createReflection } from "@/lib/reflections/mutations";
import type { Emotion, ReflectionInput } from "@/lib/reflections/schema";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { structuredSafari, type Writer } from "../support/structured-safari";

/*
 * The small-group rule on real counts: twelve executives, and in each quarter below a different number
 * of them out and reflecting. Every figure rests on the distinct people behind it, and a cancelled safari
 * counts nowhere.
 */
const berlin = "Europe/Berlin";
const today = "2026-10-15";
let organizerId: string;
let executives: { id: string }[];

async function attend(eventId: string, executiveId: string) {
  const db = await getDb();
  const [participation] = await db.insert(participations).values({ eventId, executiveId, status: "attended", source: "matched" }).returning();
  return participation!.id;
}

function reflection(participationId: string, emotion: Emotion, intensity: number): ReflectionInput {
  return structuredReflection(participationId, { ouch: "Asked for the contract number three times", aah: "Called back the next day", emotion, intensity, commitment: "Drop the second identity check", dueOn: "2026-12-31" });
}

/** A completed safari at `start` (two hours) that `people` attended, each reflecting with the emotion given. */
async function safari(start: string, people: { id: string; emotion?: Emotion; intensity?: number }[]) {
  const startAt = new Date(start);
  const event = await makeEvent(organizerId, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), seats: 12, status: "completed" });
  const reflectionIds: string[] = [];
  for (const person of people) {
    const participationId = await attend(event.id, person.id);
    if (person.emotion) reflectionIds.push(await createReflection(person.id, reflection(participationId, person.emotion, person.intensity ?? 3)));
  }
  return { event, reflectionIds };
}

const summaryOf = async (quarter: string) => shapeSummary(await loadEngagementFigures(parseQuarter(quarter, berlin)!, today));

beforeAll(async () => {
  organizerId = (await makeUser("organizer")).id;
  executives = [];
  for (let i = 0; i < 12; i++) executives.push(await makeExecutive({ department: i < 6 ? "Sales" : "Service" }, { name: `e${i}` }));
});

describe("no figure on fewer than five people", () => {
  it("shows no emotion, hours, reflections or commitments of a quarter where three went out and one reflected", async () => {
    // Like the seeded quarter probing found: one reflection with two emotions ("Embarrassed 4", "Frustrated 3").
    const [e0, e1, e2] = executives as [{ id: string }, { id: string }, { id: string }];
    const { reflectionIds } = await safari("2026-08-10T07:00:00Z", [{ id: e0.id, emotion: "embarrassed", intensity: 4 }, { id: e1.id }, { id: e2.id }]);
    const db = await getDb();
    await db.insert(reflectionEmotions).values({ reflectionId: reflectionIds[0]!, emotion: "frustrated", intensity: 3 });

    const figures = await loadEngagementFigures(parseQuarter("2026-Q3", berlin)!, today);
    expect(figures.emotions).toHaveLength(2);
    const summary = shapeSummary(figures);
    expect(summary.emotions).toEqual({ rows: [], incomplete: true });
    expect(summary.hours).toEqual({ shown: false });
    expect(summary.reflections).toEqual({ shown: false });
    expect(summary.commitments).toEqual({ made: { shown: false }, rows: [], incomplete: true });
    // The headline rests on all twelve executives, so it stays.
    expect(summary.executives).toEqual({ shown: true, value: { total: 12, withContact: 3, label: "3 of 12 executives (25 %)" } });
  });

  it("shows the figures once five people stand behind them, and an emotion only with five distinct authors", async () => {
    const five = executives.slice(0, 5);
    await safari("2026-04-20T07:00:00Z", five.map((e, i) => ({ id: e.id, emotion: "frustrated" as const, intensity: 1 + i })));
    // A sixth attends, and four of the five go out again without reflecting: hours grow, the rule still holds.
    await safari("2026-05-20T07:00:00Z", [...executives.slice(1, 5), executives[5]!].map((e) => ({ id: e.id })));

    const summary = await summaryOf("2026-Q2");
    expect(summary.hours).toEqual({ shown: true, value: 20 });
    expect(summary.reflections).toEqual({ shown: true, value: 5 });
    expect(summary.emotions).toEqual({ rows: [{ label: "Frustrated", people: 5, averageIntensity: 3 }], incomplete: false });
    expect(summary.commitments).toEqual({ made: { shown: true, value: 5 }, rows: [{ label: "Open, not yet due", count: 5, overdue: false }], incomplete: false });
  });

  it("merges an emotion of one person with the rest, since reflections minus the shown rows would give it away", async () => {
    const sixth = executives[5]!;
    // Sixth's participation on 20 May has no reflection yet.
    const db = await getDb();
    const [participation] = await db
      .select({ id: participations.id })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(eq(participations.executiveId, sixth.id));
    await createReflection(sixth.id, reflection(participation!.id, "moved", 5));

    const summary = await summaryOf("2026-Q2");
    expect(summary.reflections).toEqual({ shown: true, value: 6 });
    expect(summary.emotions).toEqual({ rows: [{ label: "Other emotions (merged)", people: 6, averageIntensity: 20 / 6 }], incomplete: false });
  });

  it("shows no headline in an organisation of fewer than five executives", async () => {
    // The figures of four executives alone (the rule is applied to whatever data.ts counts).
    const figures = await loadEngagementFigures(parseQuarter("2026-Q2", berlin)!, today);
    const summary = shapeSummary({ ...figures, executives: figures.executives.slice(0, 4) });
    expect(summary.executives).toEqual({ shown: false });
    expect(summary.byDepartment).toEqual({ rows: [], incomplete: true });
  });
});

describe("a cancelled safari counts nowhere", () => {
  it("changes no figure, though its participation still says attended and it has a reflection and a commitment", async () => {
    const quarter = parseQuarter("2026-Q1", berlin)!;
    await safari("2026-02-10T08:00:00Z", executives.slice(6, 11).map((e) => ({ id: e.id, emotion: "curious" as const })));
    const before = await loadEngagementFigures(quarter, today);
    expect(shapeSummary(before).reflections).toEqual({ shown: true, value: 5 });

    // Attended and reflected on by one of the five and by a twelfth executive, then cancelled.
    const { event } = await safari("2026-03-03T08:00:00Z", [executives[6]!, executives[11]!].map((e) => ({ id: e.id, emotion: "curious" as const })));
    const db = await getDb();
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date("2026-03-02T12:00:00Z"), cancellationReason: "The host fell ill." }).where(eq(events.id, event.id));

    const after = await loadEngagementFigures(quarter, today);
    const sorted = (figures: typeof before) => ({
      executives: figures.executives,
      reflections: [...figures.reflections].sort((a, b) => a.authorId.localeCompare(b.authorId)),
      emotions: [...figures.emotions].sort((a, b) => a.emotion.localeCompare(b.emotion)).map((row) => ({ ...row, authorIds: [...row.authorIds].sort() })),
      commitments: [...figures.commitments].sort((a, b) => a.ownerId.localeCompare(b.ownerId)),
    });
    expect(sorted(after)).toEqual(sorted(before));
    expect(shapeSummary(after)).toEqual(shapeSummary(before));
  });
});

describe("empathy shift, surprise, themes and loops closed: the same rule", () => {
  /** A writer sharing with the CX team, one ouch about getting help and one aah about everyday use, the loop closed and told to both. */
  const writer = (id: string, visibility: Writer["visibility"] = "cx_team"): Writer => ({
    id,
    visibility,
    moments: [
      { kind: "ouch", stage: "get_help" },
      { kind: "aah", stage: "use" },
    ],
    loop: { customerTold: true, frontlineTold: true },
  });
  const hidden = { shown: false };

  it("hides each of them while four people stand behind it, and shows them at five", async () => {
    await structuredSafari(organizerId, "2025-08-12T07:00:00Z", executives.slice(0, 4).map((e) => writer(e.id)));
    const four = await summaryOf("2025-Q3");
    expect(four.reflections).toEqual(hidden);
    expect([four.empathyShift, four.surprise, four.loops.closed, four.loops.customerTold, four.loops.frontlineTold]).toEqual([hidden, hidden, hidden, hidden, hidden]);
    expect(four.ouchThemes).toEqual({ rows: [], incomplete: true });
    expect(four.aahThemes).toEqual({ rows: [], incomplete: true });

    await structuredSafari(organizerId, "2025-09-02T07:00:00Z", [writer(executives[4]!.id)]);
    const five = await summaryOf("2025-Q3");
    expect(five.empathyShift).toEqual({ shown: true, value: { average: 2, people: 5 } });
    expect(five.surprise).toEqual({ shown: true, value: { average: 4, people: 5 } });
    expect(five.ouchThemes).toEqual({ rows: [{ label: "Getting help", moments: 5, people: 5 }], incomplete: false });
    expect(five.aahThemes).toEqual({ rows: [{ label: "Everyday use", moments: 5, people: 5 }], incomplete: false });
    expect(five.loops).toEqual({ closed: { shown: true, value: 5 }, customerTold: { shown: true, value: 5 }, frontlineTold: { shown: true, value: 5 } });
  });

  it("never counts private reflections or their moments, and counts anonymised ones", async () => {
    // Six out: one keeps it private, one shares it for the anonymised summary only.
    const six = executives.slice(0, 6);
    const { reflectionIds } = await structuredSafari(organizerId, "2025-11-04T08:00:00Z", six.map((e, i) => writer(e.id, i === 0 ? "private" : i === 1 ? "anonymised" : "cx_team")));
    const summary = await summaryOf("2025-Q4");
    expect(summary.empathyShift).toEqual({ shown: true, value: { average: 2, people: 5 } });
    expect(summary.surprise).toEqual({ shown: true, value: { average: 4, people: 5 } });
    expect(summary.ouchThemes.rows).toEqual([{ label: "Getting help", moments: 5, people: 5 }]);
    expect(summary.aahThemes.rows).toEqual([{ label: "Everyday use", moments: 5, people: 5 }]);

    // The anonymised one made private too: four left, nothing about feelings shown.
    const db = await getDb();
    await db.update(reflections).set({ visibility: "private" }).where(eq(reflections.id, reflectionIds[1]!));
    const four = await summaryOf("2025-Q4");
    expect([four.empathyShift, four.surprise]).toEqual([hidden, hidden]);
    expect(four.ouchThemes).toEqual({ rows: [], incomplete: true });
    // The private one's rating alone, in the figures themselves: never there.
    const figures = await loadEngagementFigures(parseQuarter("2025-Q4", berlin)!, today);
    expect(figures.scores.map((row) => row.authorId)).not.toContain(six[0]!.id);
    expect(figures.themes.flatMap((row) => row.authorIds)).not.toContain(six[0]!.id);
  });
});
