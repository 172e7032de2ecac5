import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, commitments, participations, reflectionEmotions, reflections, type ParticipationStatus } from "@/db/schema";
import { findParticipationForReflection, loadReflectionFor } from "@/lib/reflections/data";
import { changeVisibility, createReflection } from "@/lib/reflections/mutations";
import type { ReflectionInput } from "@/lib/reflections/schema";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

// Each safari on its own day, so one executive's attended safaris never overlap.
let day = 0;
async function safariFor(executiveId: string, status: ParticipationStatus = "attended") {
  const db = await getDb();
  const organizer = await makeUser("organizer");
  const startAt = new Date(Date.UTC(2026, 5, 1 + day++, 8));
  const event = await makeEvent(organizer.id, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), status: "completed" });
  const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId, status, source: "signed_up", respondBy: status === "invited" ? startAt : null }).returning();
  return { event, participation: participation! };
}

function input(participationId: string, overrides: Partial<ReflectionInput> = {}): ReflectionInput {
  return {
    participationId,
    ouchMoments: ["Waited 40 minutes on hold", "Repeated her contract number three times"],
    aahMoments: ["The agent called back as promised"],
    emotion: "frustrated",
    intensity: 4,
    empathyBefore: 2,
    empathyAfter: 4,
    customerQuote: "I just want one person who knows my case.",
    surprise: "How calm she stayed.",
    commitment: "Give every caller one named agent for their case",
    commitmentDueOn: "2027-02-28",
    visibility: "cx_team",
    ...overrides,
  };
}

async function rowsFor(participationId: string) {
  const db = await getDb();
  const reflectionRows = await db.select().from(reflections).where(eq(reflections.participationId, participationId));
  const ids = reflectionRows.map((row) => row.id);
  const emotionRows = ids.length ? await db
        .select({ reflectionId: reflectionEmotions.reflectionId, emotion: reflectionEmotions.emotion, intensity: reflectionEmotions.intensity })
        .from(reflectionEmotions)
        .where(eq(reflectionEmotions.reflectionId, ids[0]!)) : [];
  const commitmentRows = ids.length ? await db.select().from(commitments).where(eq(commitments.reflectionId, ids[0]!)) : [];
  return { reflections: reflectionRows, emotions: emotionRows, commitments: commitmentRows };
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { code?: string } | undefined)?.code;
}

describe("writing a reflection", () => {
  it("writes the reflection, its emotion and an open commitment owned by the author", async () => {
    const executive = await makeExecutive();
    const { event, participation } = await safariFor(executive.id);

    const id = await createReflection(executive.id, input(participation.id));

    const rows = await rowsFor(participation.id);
    expect(rows.reflections).toHaveLength(1);
    expect(rows.reflections[0]).toMatchObject({
      id,
      authorId: executive.id,
      eventId: event.id,
      ouchMoments: ["Waited 40 minutes on hold", "Repeated her contract number three times"],
      empathyBefore: 2,
      empathyAfter: 4,
      visibility: "cx_team",
    });
    expect(rows.emotions).toEqual([{ reflectionId: id, emotion: "frustrated", intensity: 4 }]);
    expect(rows.commitments).toEqual([
      expect.objectContaining({ ownerId: executive.id, body: "Give every caller one named agent for their case", dueOn: "2027-02-28", status: "open", doneAt: null }),
    ]);
  });

  it("writes nothing at all when a later row is refused: all rows go in one transaction", async () => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);

    // Past the schema, the database's own checks refuse these; the reflection row written first must go too.
    await expect(createReflection(executive.id, input(participation.id, { intensity: 6 }))).rejects.toThrow();
    await expect(createReflection(executive.id, input(participation.id, { commitment: "x".repeat(501) }))).rejects.toThrow();
    expect(await rowsFor(participation.id)).toEqual({ reflections: [], emotions: [], commitments: [] });

    await createReflection(executive.id, input(participation.id));
    expect((await rowsFor(participation.id)).reflections).toHaveLength(1);
  });

  it.each(["confirmed", "no_show", "invited"] as const)("refuses a safari the executive did not attend (%s)", async (status) => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id, status);
    expect(await codeOf(createReflection(executive.id, input(participation.id)))).toBe("INVALID_STATE");
    expect((await rowsFor(participation.id)).reflections).toEqual([]);
  });

  it("refuses someone else's participation as if it did not exist", async () => {
    const [owner, intruder] = [await makeExecutive(), await makeExecutive()];
    const { participation } = await safariFor(owner.id);
    expect(await codeOf(createReflection(intruder.id, input(participation.id)))).toBe("NOT_FOUND");
    expect(await findParticipationForReflection(participation.id, intruder.id)).toBeNull();
    expect((await rowsFor(participation.id)).reflections).toEqual([]);
  });

  it("refuses a second reflection on the same safari, also when both arrive at once", async () => {
    const executive = await makeExecutive();
    const first = await safariFor(executive.id);
    await createReflection(executive.id, input(first.participation.id));
    expect(await codeOf(createReflection(executive.id, input(first.participation.id, { visibility: "private" })))).toBe("ALREADY_REFLECTED");

    const second = await safariFor(executive.id);
    const results = await Promise.allSettled([
      createReflection(executive.id, input(second.participation.id)),
      createReflection(executive.id, input(second.participation.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code)).toEqual(["ALREADY_REFLECTED"]);

    for (const { participation } of [first, second]) {
      const rows = await rowsFor(participation.id);
      expect([rows.reflections.length, rows.emotions.length, rows.commitments.length]).toEqual([1, 1, 1]);
    }
    expect((await findParticipationForReflection(first.participation.id, executive.id))?.reflection).not.toBeNull();
  });
});

describe("when a reflection opens", () => {
  it("refuses a reflection before the safari has begun, though check-in already marked the executive attended", async () => {
    const db = await getDb();
    const executive = await makeExecutive();
    const organizer = await makeUser("organizer");
    const startAt = new Date("2031-03-30T07:00:00Z");
    const event = await makeEvent(organizer.id, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000) });
    const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: executive.id, status: "attended", source: "signed_up" }).returning();

    type Refusal = { code?: string; message?: string } | undefined;
    const error = await createReflection(executive.id, input(participation!.id), new Date(startAt.getTime() - 30 * 60_000)).then(
      (): Refusal => undefined,
      (e: unknown) => e as Refusal,
    );
    expect(error).toMatchObject({ code: "INVALID_STATE" });
    expect(error?.message).toMatch(/once the safari has begun/);
    expect((await rowsFor(participation!.id)).reflections).toEqual([]);

    await createReflection(executive.id, input(participation!.id), startAt);
    expect((await rowsFor(participation!.id)).reflections).toHaveLength(1);
  });
});

describe("reading a reflection", () => {
  it("lets the author read it, the CX team only when shared with them, and nobody else", async () => {
    const [author, otherExecutive] = [await makeExecutive(), await makeExecutive()];
    const [reviewer, admin] = [await makeUser("reviewer"), await makeUser("admin")];
    const organizer = await makeUser("organizer");
    const ids: Record<string, string> = {};
    for (const visibility of ["cx_team", "private", "anonymised"] as const) {
      const { participation } = await safariFor(author.id);
      ids[visibility] = await createReflection(author.id, input(participation.id, { visibility }));
    }

    const statusFor = async (reader: { id: string; role: "executive" | "organizer" | "reviewer" | "admin" }, id: string) =>
      (await loadReflectionFor(reader, id)).status;

    for (const id of Object.values(ids)) expect(await statusFor(author, id)).toBe("ok");
    expect(await statusFor(organizer, ids.cx_team!)).toBe("ok");
    expect(await statusFor(organizer, ids.private!)).toBe("forbidden");
    expect(await statusFor(organizer, ids.anonymised!)).toBe("forbidden");
    for (const reader of [otherExecutive, reviewer, admin]) {
      for (const id of Object.values(ids)) expect(await statusFor(reader, id)).toBe("forbidden");
    }
    expect(await statusFor(author, "00000000-0000-4000-8000-000000000000")).toBe("not_found");

    const read = await loadReflectionFor(author, ids.cx_team!);
    expect(read.status === "ok" && read.reflection).toMatchObject({
      emotions: [{ emotion: "frustrated", intensity: 4 }],
      commitments: [{ body: "Give every caller one named agent for their case", status: "open" }],
      author: { id: author.id },
    });
  });
});

describe("changing who may read a reflection", () => {
  it("lets its author change it within 14 days, with an audit line, and the summary's copies follow", async () => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);
    const id = await createReflection(executive.id, input(participation.id));
    const db = await getDb();
    const [{ createdAt }] = (await db.select({ createdAt: reflections.createdAt }).from(reflections).where(eq(reflections.id, id))) as [{ createdAt: Date }];
    const [emotionBefore] = await db.select({ summaryAt: reflectionEmotions.summaryAt }).from(reflectionEmotions).where(eq(reflectionEmotions.reflectionId, id));
    expect(emotionBefore!.summaryAt).not.toBeNull();

    await changeVisibility(executive.id, id, "private", new Date(createdAt.getTime() + 13 * 86_400_000));
    const [row] = await db.select({ visibility: reflections.visibility }).from(reflections).where(eq(reflections.id, id));
    expect(row!.visibility).toBe("private");
    // A private reflection's emotions no longer count in the summary.
    const [emotionAfter] = await db.select({ summaryAt: reflectionEmotions.summaryAt }).from(reflectionEmotions).where(eq(reflectionEmotions.reflectionId, id));
    expect(emotionAfter!.summaryAt).toBeNull();
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "reflection.visibility_change"), eq(auditLog.objectId, id)));
    expect(audit).toMatchObject([{ actorId: executive.id, objectType: "reflection", details: { from: "cx_team", to: "private" } }]);

    // The same choice again writes nothing more.
    await changeVisibility(executive.id, id, "private", new Date(createdAt.getTime() + 13 * 86_400_000));
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "reflection.visibility_change"), eq(auditLog.objectId, id)))).toHaveLength(1);
  });

  it("is refused after 14 days, and for anyone but the author (as not found)", async () => {
    const [executive, other] = [await makeExecutive(), await makeExecutive()];
    const { participation } = await safariFor(executive.id);
    const id = await createReflection(executive.id, input(participation.id));
    const db = await getDb();
    const [{ createdAt }] = (await db.select({ createdAt: reflections.createdAt }).from(reflections).where(eq(reflections.id, id))) as [{ createdAt: Date }];
    expect(await codeOf(changeVisibility(other.id, id, "private", createdAt))).toBe("NOT_FOUND");
    expect(await codeOf(changeVisibility(executive.id, id, "private", new Date(createdAt.getTime() + 14 * 86_400_000)))).toBe("INVALID_STATE");
    const [row] = await db.select({ visibility: reflections.visibility }).from(reflections).where(eq(reflections.id, id));
    expect(row!.visibility).toBe("cx_team");
    expect(await db.select().from(auditLog).where(eq(auditLog.objectId, id))).toHaveLength(0);
  });
});
