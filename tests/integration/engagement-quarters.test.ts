import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { participations } from "@/db/schema";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { parseQuarter } from "@/lib/engagement/summary";
import { createReflection } from "@/lib/reflections/mutations";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

describe("quarter boundaries", () => {
  it("counts a safari at 00:30 on 1 April in Berlin in Q2, though it is still 31 March in UTC", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const startAt = new Date("2026-03-31T22:30:00Z");
    const event = await makeEvent(organizer.id, { startAt, endAt: new Date("2026-03-31T23:30:00Z"), timeZone: "Europe/Berlin", status: "completed" });
    const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: executive.id, status: "attended", source: "signed_up" }).returning();
    await createReflection(
      executive.id,
      structuredReflection(participation!.id, { ouch: "Nobody answered the night line", aah: "The app still worked", emotion: "worried", intensity: 3, commitment: "Staff the night line", dueOn: "2026-06-30", visibility: "anonymised" }),
    );

    // The counts before the small-group rule: one executive is too few to show, but must count in the right quarter.
    const count = async (key: string, zone: string) => {
      const figures = await loadEngagementFigures(parseQuarter(key, zone)!, "2026-05-01");
      const attended = figures.executives.filter((e) => e.safaris > 0);
      return {
        withContact: attended.length,
        hours: attended.reduce((sum, e) => sum + e.hours, 0),
        reflections: figures.reflections.reduce((sum, r) => sum + r.count, 0),
        emotions: figures.emotions.length,
      };
    };
    expect(await count("2026-Q2", "Europe/Berlin")).toEqual({ withContact: 1, hours: 1, reflections: 1, emotions: 1 });
    expect(await count("2026-Q1", "Europe/Berlin")).toEqual({ withContact: 0, hours: 0, reflections: 0, emotions: 0 });
    // Counted on a UTC calendar, the same safari belongs to the quarter before.
    expect(await count("2026-Q1", "UTC")).toEqual({ withContact: 1, hours: 1, reflections: 1, emotions: 1 });
    expect(await count("2026-Q2", "UTC")).toEqual({ withContact: 0, hours: 0, reflections: 0, emotions: 0 });
  });
});
