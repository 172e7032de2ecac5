import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, commitments, commitmentUpdates, participations, type ReflectionVisibility } from "@/db/schema";
import { listCommitments, type CommitmentScope } from "@/lib/commitments/data";
import type { CommitmentFilterStatus } from "@/lib/commitments/list";
import { closeCommitmentLoop, updateCommitment } from "@/lib/commitments/mutations";
import { createReflection } from "@/lib/reflections/mutations";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { walkPages } from "../support/paging";

let day = 0;
/** A reflection on a new attended safari of `executiveId`, with one commitment due on `dueOn`; returns the commitment's id. */
async function commitmentOf(executiveId: string, body: string, dueOn: string, visibility: ReflectionVisibility = "cx_team") {
  const db = await getDb();
  const organizer = await makeUser("organizer");
  const startAt = new Date(Date.UTC(2026, 0, 1 + day++, 8));
  const event = await makeEvent(organizer.id, { title: `Safari ${day}`, startAt, endAt: new Date(startAt.getTime() + 3_600_000), status: "completed" });
  const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId, status: "attended", source: "signed_up" }).returning();
  const input = structuredReflection(participation!.id, { ouch: "Waited on hold", aah: "Called back", intensity: 3, commitment: body, dueOn: "2030-01-01", visibility });
  const reflectionId = await createReflection(executiveId, input);
  // The due date as the test needs it, past ones included (the form refuses those).
  const [commitment] = await db.update(commitments).set({ dueOn }).where(eq(commitments.reflectionId, reflectionId)).returning();
  return commitment!.id;
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return (error as { code?: string } | undefined)?.code;
}

async function rowOf(id: string) {
  const db = await getDb();
  return (await db.select().from(commitments).where(eq(commitments.id, id)))[0]!;
}

async function historyOf(id: string) {
  const db = await getDb();
  return db
    .select({ from: commitmentUpdates.statusFrom, to: commitmentUpdates.statusTo, note: commitmentUpdates.note })
    .from(commitmentUpdates)
    .where(eq(commitmentUpdates.commitmentId, id))
    .orderBy(asc(commitmentUpdates.createdAt), asc(commitmentUpdates.id));
}

// Private ones, so the lists below hold only their own.
describe("an executive's own commitment", () => {
  it("moves open → in progress → done with notes, each change in its history and the audit trail, then closes its loop", async () => {
    const owner = await makeExecutive();
    const id = await commitmentOf(owner.id, "One named agent per case", "2030-03-01", "private");

    await updateCommitment(owner.id, { commitmentId: id, status: "in_progress", note: "Pilot team picked" });
    expect(await rowOf(id)).toMatchObject({ status: "in_progress", doneAt: null });
    await updateCommitment(owner.id, { commitmentId: id, status: undefined, note: "Pilot runs in March" });
    expect(await codeOf(closeCommitmentLoop(owner.id, { commitmentId: id, note: "We did it", customerTold: true, frontlineTold: false }))).toBe("INVALID_STATE");
    await updateCommitment(owner.id, { commitmentId: id, status: "done", note: "" });
    const done = await rowOf(id);
    expect(done.status).toBe("done");
    expect(done.doneAt).toBeInstanceOf(Date);
    expect(await historyOf(id)).toEqual([
      { from: "open", to: "in_progress", note: "Pilot team picked" },
      { from: "in_progress", to: "in_progress", note: "Pilot runs in March" },
      { from: "in_progress", to: "done", note: "" },
    ]);

    // Settled: no way back, but a note is still welcome.
    expect(await codeOf(updateCommitment(owner.id, { commitmentId: id, status: "open", note: "" }))).toBe("INVALID_STATE");
    await updateCommitment(owner.id, { commitmentId: id, status: undefined, note: "Rolled out to all teams" });

    await closeCommitmentLoop(owner.id, { commitmentId: id, note: "You told us you repeat your number; now one agent keeps your case.", customerTold: true, frontlineTold: true });
    expect(await rowOf(id)).toMatchObject({ customerTold: true, frontlineTold: true, loopClosedNote: "You told us you repeat your number; now one agent keeps your case." });
    expect(await codeOf(closeCommitmentLoop(owner.id, { commitmentId: id, note: "Again", customerTold: false, frontlineTold: false }))).toBe("INVALID_STATE");

    const db = await getDb();
    const audit = await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.objectId, id)).orderBy(asc(auditLog.at), asc(auditLog.id));
    expect(audit).toEqual([
      { action: "commitment.update", details: { from: "open", to: "in_progress" } },
      { action: "commitment.update", details: { from: "in_progress", to: "done" } },
      { action: "commitment.loop_closed", details: { customerTold: true, frontlineTold: true } },
    ]);
  });

  it("may be dropped, which settles it: no loop to close", async () => {
    const owner = await makeExecutive();
    const id = await commitmentOf(owner.id, "Drop me", "2030-03-01", "private");
    await updateCommitment(owner.id, { commitmentId: id, status: "dropped", note: "Superseded by the new IVR" });
    expect(await rowOf(id)).toMatchObject({ status: "dropped", doneAt: null });
    expect(await codeOf(updateCommitment(owner.id, { commitmentId: id, status: "done", note: "" }))).toBe("INVALID_STATE");
    expect(await codeOf(closeCommitmentLoop(owner.id, { commitmentId: id, note: "We did it", customerTold: false, frontlineTold: false }))).toBe("INVALID_STATE");
  });

  it("refuses an update with neither a new status nor a note, and writes nothing", async () => {
    const owner = await makeExecutive();
    const id = await commitmentOf(owner.id, "Nothing to say", "2030-03-01", "private");
    expect(await codeOf(updateCommitment(owner.id, { commitmentId: id, status: undefined, note: "" }))).toBe("INVALID_STATE");
    expect(await codeOf(updateCommitment(owner.id, { commitmentId: id, status: "open", note: "" }))).toBe("INVALID_STATE");
    expect(await historyOf(id)).toEqual([]);
  });

  it("is NOT_FOUND for anyone else, organizers included, and nothing is written", async () => {
    const owner = await makeExecutive();
    const id = await commitmentOf(owner.id, "Mine alone", "2030-03-01", "private");
    for (const other of [await makeExecutive(), await makeUser("organizer")]) {
      expect(await codeOf(updateCommitment(other.id, { commitmentId: id, status: "in_progress", note: "Not yours" }))).toBe("NOT_FOUND");
    }
    await updateCommitment(owner.id, { commitmentId: id, status: "done", note: "" });
    const other = await makeExecutive();
    expect(await codeOf(closeCommitmentLoop(other.id, { commitmentId: id, note: "Not yours", customerTold: true, frontlineTold: true }))).toBe("NOT_FOUND");
    expect(await rowOf(id)).toMatchObject({ loopClosedAt: null });
    expect(await historyOf(id)).toHaveLength(1);
  });
});

describe("the lists of commitments", () => {
  const today = "2026-06-15";
  let sales: { id: string };
  let service: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sales = await makeExecutive({ department: "Sales" }, { name: "Sara Sales" });
    service = await makeExecutive({ department: "Service" }, { name: "Sven Service" });
    ids.pastOpen = await commitmentOf(sales.id, "Past due and open", "2026-06-01");
    ids.pastInProgress = await commitmentOf(sales.id, "Past due and in progress", "2026-06-14");
    ids.pastDone = await commitmentOf(sales.id, "Past due but done", "2026-05-01");
    ids.dueToday = await commitmentOf(service.id, "Due today", today);
    ids.later = await commitmentOf(service.id, "Due later", "2026-09-01");
    ids.privateOne = await commitmentOf(service.id, "Private and past due", "2026-06-02", "private");
    ids.anonymised = await commitmentOf(sales.id, "Anonymised and past due", "2026-06-03", "anonymised");
    await updateCommitment(sales.id, { commitmentId: ids.pastInProgress, status: "in_progress", note: "" });
    await updateCommitment(sales.id, { commitmentId: ids.pastDone, status: "done", note: "" });
  });

  const shared = (filter: Omit<Extract<CommitmentScope, { sharedWithCxTeam: true }>, "sharedWithCxTeam"> = {}, status?: CommitmentFilterStatus) => ({
    scope: { sharedWithCxTeam: true as const, ...filter },
    status,
    today,
  });
  const bodies = async (query: ReturnType<typeof shared>) => (await walkPages((cursor) => listCommitments(query, cursor, 2), 2, (row) => row.id)).map((row) => row.body);

  it("show organizers only commitments on reflections shared with the CX team, by due date, paged", async () => {
    expect(await bodies(shared())).toEqual(["Past due but done", "Past due and open", "Past due and in progress", "Due today", "Due later"]);
  });

  it("never show a private or anonymised reflection's commitment or its author to organizers, whatever the filter", async () => {
    for (const query of [shared({}, "overdue"), shared({ search: "past due" }), shared({ search: "Sven" }), shared({ department: "Service" })]) {
      const page = (await listCommitments(query, null, 50))!;
      expect(page.rows.map((row) => row.id)).not.toContain(ids.privateOne);
      expect(page.rows.map((row) => row.id)).not.toContain(ids.anonymised);
    }
  });

  it("mark as overdue what is still to keep and due before today, in progress included", async () => {
    expect(await bodies(shared({}, "overdue"))).toEqual(["Past due and open", "Past due and in progress"]);
    expect(await bodies(shared({}, "in_progress"))).toEqual(["Past due and in progress"]);
  });

  it("filter by text (commitment, executive, safari) and department", async () => {
    expect(await bodies(shared({ search: "due L" }))).toEqual(["Due later"]);
    expect(await bodies(shared({ search: "sara" }))).toEqual(["Past due but done", "Past due and open", "Past due and in progress"]);
    expect(await bodies(shared({ department: "Service" }))).toEqual(["Due today", "Due later"]);
    expect(await bodies(shared({ search: "100%" }))).toEqual([]);
  });

  it("show an executive all their own commitments, whatever their visibility, and only theirs", async () => {
    const mine = (status?: CommitmentFilterStatus) => ({ scope: { ownerId: service.id }, status, today });
    expect((await walkPages((cursor) => listCommitments(mine(), cursor, 2), 2, (row) => row.id)).map((row) => row.body)).toEqual([
      "Private and past due",
      "Due today",
      "Due later",
    ]);
    expect((await listCommitments(mine("overdue"), null, 10))!.rows.map((row) => row.body)).toEqual(["Private and past due"]);
  });

  it("return the page's history with it", async () => {
    const page = (await listCommitments({ scope: { ownerId: sales.id }, status: "in_progress", today }, null, 10))!;
    expect(page.history.get(ids.pastInProgress!)?.map((update) => update.statusTo)).toEqual(["in_progress"]);
  });
});
