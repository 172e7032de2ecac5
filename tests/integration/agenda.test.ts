import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { participations } from "@/db/schema";
import { agendaEntries } from "@/lib/agenda/data";
import { agendaGrid } from "@/lib/agenda/grid";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/* What an agenda's range holds, for each role, read by range in SQL. */

const hours = (iso: string, h: number) => ({ startAt: new Date(iso), endAt: new Date(new Date(iso).getTime() + h * 3_600_000) });

describe("the agenda", () => {
  it("shows organizers every event that touches the range, drafts too, and executives their own safaris, marked", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    // The week of the EU spring change, in Berlin: 2026-03-22T23:00Z to 2026-03-29T22:00Z.
    const week = agendaGrid("week", "2026-03-25", "Europe/Berlin");
    const inside = await makeEvent(organizer.id, { ...hours("2026-03-24T08:00:00Z", 2), seats: 3 });
    const draft = await makeEvent(organizer.id, { ...hours("2026-03-25T08:00:00Z", 2), status: "draft" });
    // From Sunday evening before into Monday: it touches the week.
    const overnight = await makeEvent(organizer.id, { ...hours("2026-03-22T21:00:00Z", 4), seats: 3 });
    const cancelled = await makeEvent(organizer.id, { ...hours("2026-03-26T08:00:00Z", 2), status: "cancelled" });
    const declined = await makeEvent(organizer.id, { ...hours("2026-03-27T08:00:00Z", 2), seats: 3 });
    // Ends as the week starts; starts as it ends: neither touches it.
    await makeEvent(organizer.id, hours("2026-03-22T21:00:00Z", 2));
    await makeEvent(organizer.id, hours("2026-03-29T22:00:00Z", 2));

    await db.insert(participations).values([
      { eventId: inside.id, executiveId: executive.id, status: "waitlisted", source: "signed_up", waitlistedAt: new Date() },
      { eventId: draft.id, executiveId: executive.id, status: "invited", source: "assigned", respondBy: new Date("2026-03-24T00:00:00Z") },
      { eventId: overnight.id, executiveId: executive.id, status: "confirmed", source: "signed_up" },
      { eventId: cancelled.id, executiveId: executive.id, status: "cancelled", source: "signed_up" },
      { eventId: declined.id, executiveId: executive.id, status: "declined", source: "matched" },
    ]);

    const forOrganizer = await agendaEntries(organizer, week);
    // Each test file has a database of its own: these are all the events there are.
    expect(forOrganizer.map((e) => e.id)).toEqual([overnight.id, inside.id, draft.id, cancelled.id, declined.id]);
    expect(forOrganizer.find((e) => e.id === draft.id)).toMatchObject({ status: "draft", mine: null });

    const forExecutive = await agendaEntries(executive, week);
    expect(forExecutive.map((e) => [e.id, e.status, e.mine])).toEqual([
      [overnight.id, "published", "confirmed"],
      [inside.id, "published", "waitlisted"],
      [cancelled.id, "cancelled", "cancelled"],
    ]);
    expect(await agendaEntries(await makeUser("reviewer"), week)).toEqual([]);
  });
});
