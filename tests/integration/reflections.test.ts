import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { MomentEmotion } from "@/db/enums";
import { auditLog, commitmentMoments, commitments, participations, reflectionEmotions, reflectionMoments, reflections, type ParticipationStatus } from "@/db/schema";
import { findParticipationForReflection, loadDraft, loadReflectionFor } from "@/lib/reflections/data";
import { changeVisibility, createReflection, editReflection, saveDraft } from "@/lib/reflections/mutations";
import type { ReflectionEditInput, ReflectionInput } from "@/lib/reflections/schema";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { commitment, moment } from "../support/reflections";

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
    moments: [
      moment({ body: "Waited 40 minutes on hold", quote: "I just want one person who knows my case.", emotion: "frustrated", intensity: 4 }),
      moment({ kind: "aah", body: "The agent called back as promised", journeyStage: "get_help", emotion: "moved", intensity: 2 }),
      moment({ body: "Repeated her contract number three times", journeyStage: "use", emotion: "frustrated", intensity: 5 }),
    ],
    mapSaid: "One person who knows my case.",
    mapDid: "Kept a notebook of call dates.",
    mapThought: "They do not talk to each other.",
    mapFelt: "Tired",
    surprise: "How calm she stayed.",
    surpriseScore: 4,
    empathyAfter: [5, 6, 4],
    commitments: [
      commitment({ body: "Give every caller one named agent for their case", dueOn: "2027-02-28", helpers: "The service desk lead", moments: [0, 2] }),
      commitment({ body: "Call back within a day, always", dueOn: "2027-01-15", moments: [1] }),
    ],
    visibility: "cx_team",
    ...overrides,
  };
}

async function rowsFor(participationId: string) {
  const db = await getDb();
  const reflectionRows = await db.select().from(reflections).where(eq(reflections.participationId, participationId));
  const id = reflectionRows[0]?.id;
  if (!id) return { reflections: reflectionRows, moments: [], emotions: [], commitments: [], links: [] };
  const momentRows = await db.select().from(reflectionMoments).where(eq(reflectionMoments.reflectionId, id)).orderBy(asc(reflectionMoments.position));
  const emotionRows = await db
    .select({ emotion: reflectionEmotions.emotion, intensity: reflectionEmotions.intensity })
    .from(reflectionEmotions)
    .where(eq(reflectionEmotions.reflectionId, id))
    .orderBy(asc(reflectionEmotions.emotion));
  const commitmentRows = await db.select().from(commitments).where(eq(commitments.reflectionId, id)).orderBy(asc(commitments.body));
  const links = await db
    .select({ commitment: commitments.body, moment: reflectionMoments.body })
    .from(commitmentMoments)
    .innerJoin(commitments, eq(commitments.id, commitmentMoments.commitmentId))
    .innerJoin(reflectionMoments, eq(reflectionMoments.id, commitmentMoments.momentId))
    .where(eq(commitments.reflectionId, id))
    .orderBy(asc(commitments.body), asc(reflectionMoments.position));
  return { reflections: reflectionRows, moments: momentRows, emotions: emotionRows, commitments: commitmentRows, links };
}

const nothing = { reflections: [], moments: [], emotions: [], commitments: [], links: [] };

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { code?: string } | undefined)?.code;
}

describe("writing a reflection", () => {
  it("writes the reflection, its moments in order, the emotions they stirred, and open commitments linked to the moments they answer", async () => {
    const db = await getDb();
    const executive = await makeExecutive();
    const { event, participation } = await safariFor(executive.id);
    await db.update(participations).set({ empathyBefore: [2, 3, 4] }).where(eq(participations.id, participation.id));

    const id = await createReflection(executive.id, input(participation.id));

    const rows = await rowsFor(participation.id);
    expect(rows.reflections).toHaveLength(1);
    expect(rows.reflections[0]).toMatchObject({
      id,
      authorId: executive.id,
      eventId: event.id,
      mapSaid: "One person who knows my case.",
      mapFelt: "Tired",
      surprise: "How calm she stayed.",
      surpriseScore: 4,
      // Copied from the briefing; the shift is the database's: (15 - 9) / 3.
      empathyItemsBefore: [2, 3, 4],
      empathyItemsAfter: [5, 6, 4],
      empathyShift: 2,
      visibility: "cx_team",
      editedAt: null,
    });
    expect(rows.moments.map((m) => [m.position, m.kind, m.body, m.journeyStage, m.emotion, m.intensity])).toEqual([
      [0, "ouch", "Waited 40 minutes on hold", "get_help", "frustrated", 4],
      [1, "aah", "The agent called back as promised", "get_help", "moved", 2],
      [2, "ouch", "Repeated her contract number three times", "use", "frustrated", 5],
    ]);
    expect(rows.moments[0]!.quote).toBe("I just want one person who knows my case.");
    // The strongest intensity per emotion.
    expect(rows.emotions).toEqual([
      { emotion: "frustrated", intensity: 5 },
      { emotion: "moved", intensity: 2 },
    ]);
    expect(rows.commitments.map((c) => [c.body, c.dueOn, c.helpers, c.status, c.ownerId])).toEqual([
      ["Call back within a day, always", "2027-01-15", "", "open", executive.id],
      ["Give every caller one named agent for their case", "2027-02-28", "The service desk lead", "open", executive.id],
    ]);
    expect(rows.links).toEqual([
      { commitment: "Call back within a day, always", moment: "The agent called back as promised" },
      { commitment: "Give every caller one named agent for their case", moment: "Waited 40 minutes on hold" },
      { commitment: "Give every caller one named agent for their case", moment: "Repeated her contract number three times" },
    ]);
  });

  it("leaves the items before and the shift empty when the briefing was not rated", async () => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);
    await createReflection(executive.id, input(participation.id));
    expect((await rowsFor(participation.id)).reflections[0]).toMatchObject({ empathyItemsBefore: null, empathyItemsAfter: [5, 6, 4], empathyShift: null });
  });

  it("writes nothing at all when a later row is refused: all rows go in one transaction", async () => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);

    // Past the schema, the database's own checks refuse these; the rows written before them must go too.
    await expect(createReflection(executive.id, input(participation.id, { moments: [moment(), moment({ intensity: 6 })] }))).rejects.toThrow();
    await expect(createReflection(executive.id, input(participation.id, { commitments: [commitment({ moments: [0] }), commitment({ body: "x".repeat(501) })] }))).rejects.toThrow();
    expect(await codeOf(createReflection(executive.id, input(participation.id, { commitments: [commitment({ moments: [7] })] })))).toBe("VALIDATION");
    expect(await rowsFor(participation.id)).toEqual(nothing);

    await createReflection(executive.id, input(participation.id));
    expect((await rowsFor(participation.id)).reflections).toHaveLength(1);
  });

  it.each(["confirmed", "no_show", "invited"] as const)("refuses a safari the executive did not attend (%s)", async (status) => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id, status);
    expect(await codeOf(createReflection(executive.id, input(participation.id)))).toBe("INVALID_STATE");
    expect(await rowsFor(participation.id)).toEqual(nothing);
  });

  it("refuses someone else's participation as if it did not exist", async () => {
    const [owner, intruder] = [await makeExecutive(), await makeExecutive()];
    const { participation } = await safariFor(owner.id);
    expect(await codeOf(createReflection(intruder.id, input(participation.id)))).toBe("NOT_FOUND");
    expect(await findParticipationForReflection(participation.id, intruder.id)).toBeNull();
    expect(await rowsFor(participation.id)).toEqual(nothing);
  });

  it("makes one reflection of a double submit, also when both arrive at once, and answers both with its id", async () => {
    const executive = await makeExecutive();
    const first = await safariFor(executive.id);
    const id = await createReflection(executive.id, input(first.participation.id));
    expect(await createReflection(executive.id, input(first.participation.id, { visibility: "private", mapSaid: "Another text" }))).toBe(id);
    expect((await rowsFor(first.participation.id)).reflections[0]).toMatchObject({ visibility: "cx_team", mapSaid: "One person who knows my case." });

    const second = await safariFor(executive.id);
    const ids = await Promise.all([createReflection(executive.id, input(second.participation.id)), createReflection(executive.id, input(second.participation.id))]);
    expect(ids[0]).toBe(ids[1]);

    for (const { participation } of [first, second]) {
      const rows = await rowsFor(participation.id);
      expect([rows.reflections.length, rows.moments.length, rows.emotions.length, rows.commitments.length, rows.links.length]).toEqual([1, 3, 2, 2, 3]);
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
    expect(await rowsFor(participation!.id)).toEqual(nothing);

    await createReflection(executive.id, input(participation!.id), startAt);
    expect((await rowsFor(participation!.id)).reflections).toHaveLength(1);
  });
});

describe("drafts", () => {
  it("keeps the latest draft for its author, replaces it, and is gone once the reflection is written", async () => {
    const [executive, other] = [await makeExecutive(), await makeExecutive()];
    const { participation } = await safariFor(executive.id);
    const at = new Date("2026-06-02T10:00:00Z");

    expect(await loadDraft(executive.id, participation.id)).toBeNull();
    await saveDraft(executive.id, participation.id, { "moments.0.body": "Waited" }, at);
    expect(await loadDraft(executive.id, participation.id)).toEqual({ content: { "moments.0.body": "Waited" }, updatedAt: at });
    const later = new Date(at.getTime() + 60_000);
    await saveDraft(executive.id, participation.id, { "moments.0.body": "Waited 40 minutes", mapSaid: "One person" }, later);
    expect(await loadDraft(executive.id, participation.id)).toEqual({ content: { "moments.0.body": "Waited 40 minutes", mapSaid: "One person" }, updatedAt: later });

    // Someone else's participation is not found, and their draft is not read.
    expect(await codeOf(saveDraft(other.id, participation.id, { mapSaid: "Not mine" }, later))).toBe("NOT_FOUND");
    expect(await loadDraft(other.id, participation.id)).toBeNull();
    expect((await loadDraft(executive.id, participation.id))?.content.mapSaid).toBe("One person");

    await createReflection(executive.id, input(participation.id));
    expect(await loadDraft(executive.id, participation.id)).toBeNull();
    expect(await codeOf(saveDraft(executive.id, participation.id, { mapSaid: "Too late" }, later))).toBe("ALREADY_REFLECTED");
    expect(await loadDraft(executive.id, participation.id)).toBeNull();
  });

  it("refuses a draft over the table's 64 KB", async () => {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);
    await expect(saveDraft(executive.id, participation.id, { surprise: "s".repeat(70_000) })).rejects.toThrow();
    expect(await loadDraft(executive.id, participation.id)).toBeNull();
  });
});

describe("editing a reflection", () => {
  async function written() {
    const executive = await makeExecutive();
    const { participation } = await safariFor(executive.id);
    const id = await createReflection(executive.id, input(participation.id));
    const rows = await rowsFor(participation.id);
    const createdAt = rows.reflections[0]!.createdAt;
    return { executive, participation, id, rows, createdAt };
  }

  function editOf(id: string, rows: Awaited<ReturnType<typeof rowsFor>>, overrides: Partial<ReflectionEditInput> = {}): ReflectionEditInput {
    const [, calledBack, repeated] = rows.moments;
    const byBody = (body: string) => rows.commitments.find((c) => c.body === body)!;
    const named = byBody("Give every caller one named agent for their case");
    const callBack = byBody("Call back within a day, always");
    return {
      reflectionId: id,
      // "Repeated…" moves first, "Waited…" is dropped, "The agent called back" stays, a new moment is added.
      moments: [
        moment({ id: repeated!.id, body: "Repeated her contract number four times", journeyStage: "use", emotion: "angry", intensity: 3 }),
        moment({ id: calledBack!.id, kind: "aah", body: "The agent called back as promised", emotion: "moved", intensity: 5 }),
        moment({ kind: "aah", body: "The letter was in plain words", journeyStage: "pay", emotion: "hopeful", intensity: 2 }),
      ],
      mapSaid: "Edited: one person.",
      mapDid: "",
      mapThought: "",
      mapFelt: "",
      surprise: "",
      surpriseScore: null,
      empathyAfter: null,
      commitments: [
        { id: named.id, body: named.body, dueOn: named.dueOn, helpers: "The service desk lead and IT", moments: [0] },
        { id: callBack.id, body: callBack.body, dueOn: "2027-03-01", helpers: "", moments: [1, 2] },
        commitment({ body: "Write every letter in plain words", dueOn: "2027-04-01", moments: [2] }),
      ],
      visibility: "private",
      ...overrides,
    };
  }

  it("replaces moments keeping the ids it is sent, so commitments stay linked; re-derives the emotions; audits the edit and the visibility", async () => {
    const db = await getDb();
    const { executive, participation, id, rows, createdAt } = await written();
    const at = new Date(createdAt.getTime() + 13 * 86_400_000);

    await editReflection(executive.id, editOf(id, rows), at);

    const after = await rowsFor(participation.id);
    expect(after.reflections[0]).toMatchObject({ mapSaid: "Edited: one person.", surprise: "", surpriseScore: null, empathyItemsAfter: null, visibility: "private", editedAt: at });
    expect(after.moments.map((m) => [m.position, m.body, m.emotion, m.intensity])).toEqual([
      [0, "Repeated her contract number four times", "angry", 3],
      [1, "The agent called back as promised", "moved", 5],
      [2, "The letter was in plain words", "hopeful", 2],
    ]);
    expect(after.moments[0]!.id).toBe(rows.moments[2]!.id);
    expect(after.moments[1]!.id).toBe(rows.moments[1]!.id);
    expect(after.emotions).toEqual([
      { emotion: "angry", intensity: 3 },
      { emotion: "hopeful", intensity: 2 },
      { emotion: "moved", intensity: 5 },
    ]);
    expect(after.commitments.map((c) => [c.body, c.dueOn, c.helpers, c.status])).toEqual([
      ["Call back within a day, always", "2027-03-01", "", "open"],
      ["Give every caller one named agent for their case", "2027-02-28", "The service desk lead and IT", "open"],
      ["Write every letter in plain words", "2027-04-01", "", "open"],
    ]);
    // The existing commitments keep their ids.
    expect(after.commitments.filter((c) => rows.commitments.some((before) => before.id === c.id))).toHaveLength(2);
    expect(after.links).toEqual([
      { commitment: "Call back within a day, always", moment: "The agent called back as promised" },
      { commitment: "Call back within a day, always", moment: "The letter was in plain words" },
      { commitment: "Give every caller one named agent for their case", moment: "Repeated her contract number four times" },
      { commitment: "Write every letter in plain words", moment: "The letter was in plain words" },
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.objectId, id)).orderBy(asc(auditLog.action));
    expect(audit).toMatchObject([
      { action: "reflection.edit", actorId: executive.id, objectType: "reflection", details: { moments: 3, commitments: 3 } },
      { action: "reflection.visibility_change", actorId: executive.id, details: { from: "cx_team", to: "private" } },
    ]);

    // Keeping the visibility writes the edit line only.
    const second = await rowsFor(participation.id);
    const same = second.moments.map((m) => moment({ id: m.id, kind: m.kind, body: m.body, quote: m.quote, journeyStage: m.journeyStage!, emotion: m.emotion as MomentEmotion, intensity: m.intensity }));
    await editReflection(executive.id, { ...editOf(id, second), moments: same, commitments: [], visibility: "private" }, at);
    // Commitments the form leaves out stay as they were: dropping one is done on the commitment's page.
    expect((await rowsFor(participation.id)).commitments).toEqual(second.commitments);
    expect((await db.select().from(auditLog).where(eq(auditLog.objectId, id))).map((row) => row.action).sort()).toEqual(["reflection.edit", "reflection.edit", "reflection.visibility_change"]);
  });

  it("is refused after 14 days, for anyone but the author (as not found), and for ids of another reflection; nothing changes", async () => {
    const db = await getDb();
    const { executive, participation, id, rows, createdAt } = await written();
    const other = await written();
    const snapshot = await rowsFor(participation.id);

    expect(await codeOf(editReflection(executive.id, editOf(id, rows), new Date(createdAt.getTime() + 14 * 86_400_000)))).toBe("INVALID_STATE");
    expect(await codeOf(editReflection(other.executive.id, editOf(id, rows), createdAt))).toBe("NOT_FOUND");
    const foreignMoment = editOf(id, rows);
    foreignMoment.moments[0] = moment({ id: other.rows.moments[0]!.id });
    expect(await codeOf(editReflection(executive.id, foreignMoment, createdAt))).toBe("NOT_FOUND");
    const foreignCommitment = editOf(id, rows);
    foreignCommitment.commitments[0] = commitment({ id: other.rows.commitments[0]!.id });
    expect(await codeOf(editReflection(executive.id, foreignCommitment, createdAt))).toBe("NOT_FOUND");

    expect(await rowsFor(participation.id)).toEqual(snapshot);
    expect(await rowsFor(other.participation.id)).toEqual(other.rows);
    expect(await db.select().from(auditLog).where(eq(auditLog.objectId, id))).toEqual([]);
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
      emotions: expect.arrayContaining([{ emotion: "frustrated", intensity: 5 }]),
      commitments: expect.arrayContaining([expect.objectContaining({ body: "Give every caller one named agent for their case", status: "open", helpers: "The service desk lead" })]),
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
