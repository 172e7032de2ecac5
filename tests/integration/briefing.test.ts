import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { eventPersonas, participations, personas } from "@/db/schema";
import { findBriefing } from "@/lib/briefing/data";
import { findParticipationForReflection } from "@/lib/reflections/data";
import { saveExpectation } from "@/lib/briefing/mutations";
import { toAppError, violatedConstraint } from "@/lib/errors/app-error";
import { cancelEvent } from "@/lib/events/mutations";
import { signUp, withdraw } from "@/lib/participation/mutations";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/* The briefing pack: who may read it, and the expectation kept for the reflection. */

const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
/** An expectation with middling empathy before. */
const said = (expectation: string, empathyBefore = [3, 4, 2]) => ({ expectation, empathyBefore });
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => toAppError(error)?.code ?? String(error));

async function setting() {
  const organizer = await makeUser("organizer");
  const event = await makeEvent(organizer.id, {
    type: "service_desk_day",
    status: "published",
    startAt: inDays(10),
    endAt: new Date(inDays(10).getTime() + 8 * 3_600_000),
    seats: 3,
    location: "Service desk, Alexanderplatz",
    meetingContact: "Anna Weber at the entrance",
    frontlineName: "Deniz Arslan",
    frontlineRole: "Service-desk lead",
  });
  const db = await getDb();
  const [persona] = await db.insert(personas).values({ name: `Movers ${event.id.slice(0, 6)}`, description: "Just moved; the line is not working yet." }).returning();
  await db.insert(eventPersonas).values({ eventId: event.id, personaId: persona!.id });
  return { organizer, event, persona: persona! };
}

describe("the briefing", () => {
  it("shows an executive on the safari its persona, the type's guidance and the logistics, with their own participation", async () => {
    const { event, persona } = await setting();
    const executive = await makeExecutive();
    const participationId = await signUp(event.id, executive.id, now);
    const briefing = await findBriefing(event.id, executive);
    expect(briefing).toMatchObject({
      event: { title: event.title, location: "Service desk, Alexanderplatz", meetingContact: "Anna Weber at the entrance", frontlineName: "Deniz Arslan", typeName: "Service-desk day" },
      personas: [{ name: persona.name, description: persona.description }],
      participation: { id: participationId, status: "confirmed", expectation: null },
    });
    expect(briefing!.event.guidance.length).toBeGreaterThan(10);
  });

  it("is nobody else's: another executive, a withdrawn one and a draft read nothing; an organizer reads any", async () => {
    const { organizer, event } = await setting();
    const [going, stranger, leaver] = [await makeExecutive(), await makeExecutive(), await makeExecutive()];
    await signUp(event.id, going.id, now);
    const seat = await signUp(event.id, leaver.id, now);
    await withdraw(seat, leaver.id, now);
    expect(await findBriefing(event.id, stranger)).toBeUndefined();
    expect(await findBriefing(event.id, leaver)).toBeUndefined();
    expect(await findBriefing(event.id, organizer)).toMatchObject({ participation: null });

    const draft = await makeEvent(organizer.id, { status: "draft", startAt: inDays(12), endAt: inDays(12.1) });
    const db = await getDb();
    await db.insert(participations).values({ eventId: draft.id, executiveId: going.id, status: "confirmed", source: "assigned" });
    expect(await findBriefing(draft.id, going)).toBeUndefined();
    expect(await findBriefing(draft.id, organizer)).toBeDefined();
    expect(await findBriefing("00000000-0000-4000-8000-000000000000", organizer)).toBeUndefined();
  });
});

describe("what the executive expects to hear", () => {
  it("is kept on their own participation before the start, rewritten as often as they like, and read back for the reflection", async () => {
    const { event } = await setting();
    const executive = await makeExecutive();
    const participationId = await signUp(event.id, executive.id, now);
    await saveExpectation(participationId, executive.id, said("Anger about waiting for the technician."), now);
    await saveExpectation(participationId, executive.id, said("Anger about the technician; relief when the desk sorts it."), new Date(now.getTime() + 1000));
    expect((await findParticipationForReflection(participationId, executive.id))?.expectation ?? null).toBe("Anger about the technician; relief when the desk sorts it.");
    expect((await findBriefing(event.id, executive))?.participation).toMatchObject({ expectationAt: new Date(now.getTime() + 1000), empathyBefore: [3, 4, 2] });
  });

  it("is refused for someone else's participation (as not found), once the safari has begun, and when it is cancelled", async () => {
    const { organizer, event } = await setting();
    const [executive, other] = [await makeExecutive(), await makeExecutive()];
    const participationId = await signUp(event.id, executive.id, now);
    expect(await codeOf(saveExpectation(participationId, other.id, said("Someone else's words"), now))).toBe("NOT_FOUND");
    expect((await findParticipationForReflection(participationId, other.id))?.expectation ?? null).toBeNull();
    expect(await codeOf(saveExpectation(participationId, executive.id, said("Too late now"), event.startAt))).toBe("INVALID_STATE");
    await cancelEvent(event.id, organizer.id, "The desk closes for a refit.", now);
    expect(await codeOf(saveExpectation(participationId, executive.id, said("After the cancellation"), now))).toBe("INVALID_STATE");
    expect((await findParticipationForReflection(participationId, executive.id))?.expectation ?? null).toBeNull();
  });
});

describe("participations keep expectations apart", () => {
  it("holds three ratings from 1 to 7 or none, whoever writes", async () => {
    const { event } = await setting();
    const executive = await makeExecutive();
    const participationId = await signUp(event.id, executive.id, now);
    const db = await getDb();
    for (const wrong of [[0, 4, 4], [4, 4, 8], [4, 4], [4, 4, 4, 4]]) {
      const refused = await db.update(participations).set({ empathyBefore: wrong }).where(eq(participations.id, participationId)).then(() => "written", (error: unknown) => violatedConstraint(error));
      expect(refused, JSON.stringify(wrong)).toBe("participations_empathy_before_range");
    }
    await saveExpectation(participationId, executive.id, said("Frustration with the hotline.", [1, 7, 4]), now);
    const [row] = await db.select({ empathyBefore: participations.empathyBefore }).from(participations).where(eq(participations.id, participationId));
    expect(row!.empathyBefore).toEqual([1, 7, 4]);
  });

  it("writes only the one row", async () => {
    const { event } = await setting();
    const [a, b] = [await makeExecutive(), await makeExecutive()];
    const [pa, pb] = [await signUp(event.id, a.id, now), await signUp(event.id, b.id, now)];
    await saveExpectation(pa, a.id, said("Mine alone"), now);
    const db = await getDb();
    const [row] = await db.select({ expectation: participations.expectation }).from(participations).where(eq(participations.id, pb));
    expect(row!.expectation).toBeNull();
  });
});
