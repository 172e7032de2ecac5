import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, events } from "@/db/schema";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import type { EventLimits } from "@/lib/events/rules";
import { findSeries, seriesOfEvent } from "@/lib/series/data";
import { createSeries, publishSeriesDrafts } from "@/lib/series/mutations";
import { seriesFormSchema } from "@/lib/series/schema";
import { instantToLocal } from "@/lib/time/zones";
import { builtInTypes } from "../support/event-types";
import { makeUser } from "../support/factories";

/* Series: one transaction makes the series and a draft per date; each date is then an event of its own. */

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
const now = new Date();
const year = now.getUTCFullYear() + 1;

/** The example, a year ahead: call listening every Tuesday 09:00–10:00 Berlin for `count` weeks from early March. */
function seriesInput(overrides: Record<string, string> = {}) {
  // The first Tuesday on or after 1 March of next year.
  const march = new Date(Date.UTC(year, 2, 1));
  const firstTuesday = new Date(march.getTime() + ((9 - march.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
  return seriesFormSchema(limits, now, builtInTypes).parse({
    type: "call_listening",
    title: "Listening to cancellation calls",
    briefing: "Headsets on; no interrupting.",
    location: "Contact centre, Berlin",
    seats: "2",
    timeZone: "Europe/Berlin",
    firstDate: firstTuesday,
    startTime: "09:00",
    durationMinutes: "60",
    everyWeeks: "1",
    count: "8",
    skipped: "refuse",
    ...overrides,
  });
}

describe("a series", () => {
  it("makes one draft per date at the same wall-clock time across the spring-forward change, with an audit line", async () => {
    const organizer = await makeUser("organizer");
    const seriesId = await createSeries(organizer.id, seriesInput());
    const found = (await findSeries(seriesId))!;
    expect(found.occurrences).toHaveLength(8);
    expect(found.occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(found.occurrences.every((o) => o.status === "draft" && o.seats === 2 && o.title === "Listening to cancellation calls")).toBe(true);
    expect(new Set(found.occurrences.map((o) => instantToLocal(o.startAt, "Europe/Berlin").slice(11)))).toEqual(new Set(["09:00"]));
    expect(found.occurrences.every((o) => o.endAt.getTime() - o.startAt.getTime() === 3_600_000)).toBe(true);
    // Eight March-to-April Tuesdays straddle the last Sunday of March: 08:00Z before it, 07:00Z after.
    expect(new Set(found.occurrences.map((o) => o.startAt.toISOString().slice(11, 16)))).toEqual(new Set(["08:00", "07:00"]));
    expect(new Set(found.occurrences.map((o) => o.startAt.getUTCDay()))).toEqual(new Set([2]));

    const db = await getDb();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "series.create"), eq(auditLog.objectId, seriesId)));
    expect(audit).toMatchObject({ actorId: organizer.id, objectType: "series", details: { dates: 8, moved: [] } });
    expect(await seriesOfEvent(found.occurrences[2]!.id)).toEqual({ seriesId, index: 2, count: 8 });
  });

  it("moves a start the clocks skip when asked, to the first minute after the change", async () => {
    const organizer = await makeUser("organizer");
    // Sundays at 02:30 from mid-March: the last Sunday of March has no 02:30 in Berlin.
    const march = new Date(Date.UTC(year, 2, 15));
    const sunday = new Date(march.getTime() + ((7 - march.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
    const seriesId = await createSeries(organizer.id, seriesInput({ firstDate: sunday, startTime: "02:30", count: "3", skipped: "moveForward" }));
    const local = (await findSeries(seriesId))!.occurrences.map((o) => instantToLocal(o.startAt, "Europe/Berlin").slice(11));
    expect(local.filter((time) => time === "02:30")).toHaveLength(2);
    expect(local.filter((time) => time === "03:00")).toHaveLength(1);
  });

  it("lets each date be changed or cancelled alone", async () => {
    const organizer = await makeUser("organizer");
    const seriesId = await createSeries(organizer.id, seriesInput({ count: "3" }));
    const [first, second, third] = (await findSeries(seriesId))!.occurrences;
    const db = await getDb();
    const [row] = await db.select().from(events).where(eq(events.id, second!.id));
    const later = { ...row!, startAt: new Date(row!.startAt.getTime() + 3_600_000), endAt: new Date(row!.endAt.getTime() + 3_600_000) };
    await updateEvent(second!.id, organizer.id, later, now);
    await cancelEvent(third!.id, organizer.id, "The contact centre moves that week.", now);
    const after = (await findSeries(seriesId))!.occurrences;
    expect(after.map((o) => o.status)).toEqual(["draft", "draft", "cancelled"]);
    expect(after[0]!.startAt).toEqual(first!.startAt);
    expect(instantToLocal(after[1]!.startAt, "Europe/Berlin").slice(11)).toBe("10:00");
  });

  it("publishes every draft that may be published, and says why for the others", async () => {
    const organizer = await makeUser("organizer");
    const seriesId = await createSeries(organizer.id, seriesInput({ count: "3" }));
    const [first, second] = (await findSeries(seriesId))!.occurrences;
    const db = await getDb();
    // One was published by hand already; one has since slipped into the past.
    await db.update(events).set({ status: "published" }).where(eq(events.id, first!.id));
    await db.update(events).set({ startAt: new Date(now.getTime() - 7_200_000), endAt: new Date(now.getTime() - 3_600_000) }).where(eq(events.id, second!.id));
    const outcome = await publishSeriesDrafts(seriesId, organizer.id, now, limits);
    expect(outcome.published).toBe(1);
    expect(outcome.refused).toEqual([{ eventId: second!.id, why: expect.stringContaining("start has passed") }]);
    expect((await findSeries(seriesId))!.occurrences.map((o) => o.status)).toEqual(["published", "draft", "published"]);
  });
});
