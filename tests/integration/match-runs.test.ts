import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  auditLog,
  eventPersonas,
  events,
  executiveBlackouts,
  executiveProfiles,
  matchRunProposals,
  matchRuns,
  matchRunUnplaced,
  notifications,
  participations,
  personas,
} from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { matchableEventIdsOfTypes } from "@/lib/match-runs/data";
import { gatherInput } from "@/lib/match-runs/gather";
import { addProposal, createRun, publishRun, removeProposal, rerun } from "@/lib/match-runs/mutations";
import { FieldRefusal } from "@/lib/match-runs/rules";
import { invitationDeadline } from "@/lib/participation/rules";
import { quarterContaining } from "@/lib/time/zones";
import { databaseKind } from "../support/database";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * Match runs against a real database: gathering the matcher's input, storing a run, an organizer's
 * removals and hand-added executives (refused in plain words where a hard rule says no), re-runs that keep
 * them, and publishing: one transaction, invitations holding seats, notices, stale proposals reported,
 * never twice, also when two publishes race.
 */
const zone = "Europe/Berlin";
const dayMs = 86_400_000;
const hourMs = 3_600_000;
// A whole quarter well ahead, so every executive's target there is their full cadence.
const quarter = quarterContaining(new Date(Date.now() + 200 * dayMs), zone);
const at = (days: number, hours = 9) => new Date(quarter.start.getTime() + days * dayMs + hours * hourMs);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => toAppError(error)?.code ?? error,
  );

async function refusalOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldRefusal) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function proposalsOf(runId: string) {
  const db = await getDb();
  return db.select().from(matchRunProposals).where(eq(matchRunProposals.runId, runId));
}

const pairs = (rows: { executiveId: string; eventId: string }[]) => rows.map((row) => `${row.executiveId}@${row.eventId}`).sort();

let organizerId: string;

beforeEach(async () => {
  const db = await getDb();
  // Executives of earlier tests are at target from now on: each test matches its own.
  await db.update(executiveProfiles).set({ cadencePerQuarter: 0 });
  organizerId = (await makeUser("organizer")).id;
});

describe(`gathering the matcher's input (${databaseKind})`, () => {
  it("reads profiles, bookings, history and events in a few queries, scaling targets to the period", async () => {
    const db = await getDb();
    const anna = await makeExecutive({ department: "Sales", seniority: "c_level", languages: ["de", "en"], cadencePerQuarter: 3, monthlyCap: 2, preferredTypes: ["home_visit"] }, { name: "Anna Schmitt", timeZone: "America/New_York" });
    const noProfile = await makeUser("executive");
    const [persona] = await db.insert(personas).values({ name: `Young families ${anna.id.slice(0, 6)}` }).returning();
    // History: an attended safari with a persona, long ago.
    const past = await makeEvent(organizerId, { type: "call_listening", startAt: new Date(Date.now() - 40 * dayMs), endAt: new Date(Date.now() - 40 * dayMs + hourMs), status: "completed" });
    await db.insert(eventPersonas).values({ eventId: past.id, personaId: persona!.id });
    await db.insert(participations).values({ eventId: past.id, executiveId: anna.id, status: "attended", source: "signed_up" });
    // In the quarter: one confirmed safari outside the period (the quarter's first days), one inside.
    const before = await makeEvent(organizerId, { startAt: at(1), endAt: at(1, 11) });
    const inside = await makeEvent(organizerId, { startAt: at(40), endAt: at(40, 11), seats: 3 });
    const declined = await makeEvent(organizerId, { startAt: at(50), endAt: at(50, 11) });
    await db.insert(participations).values([
      { eventId: before.id, executiveId: anna.id, status: "confirmed", source: "signed_up" },
      { eventId: inside.id, executiveId: anna.id, status: "confirmed", source: "signed_up" },
      { eventId: inside.id, executiveId: noProfile.id, status: "confirmed", source: "signed_up" },
      { eventId: declined.id, executiveId: anna.id, status: "declined", source: "matched" },
    ]);
    await db.insert(executiveBlackouts).values({ userId: anna.id, startAt: at(45), endAt: at(47), timeZone: zone });
    await db.insert(eventPersonas).values({ eventId: inside.id, personaId: persona!.id });

    // From day 30 of the quarter to its end: two thirds of it.
    const period = { start: at(30, 0), end: quarter.end };
    const { input, names } = await gatherInput(db, { period, now: new Date(), zone, eventIds: [inside.id, declined.id] });

    expect(input.executives.map((e) => e.id)).not.toContain(noProfile.id);
    const a = input.executives.find((e) => e.id === anna.id)!;
    expect(names.get(anna.id)).toBe("Anna Schmitt");
    expect(a).toMatchObject({ department: "Sales", seniority: "c_level", timeZone: "America/New_York", monthlyCap: 2, preferredTypes: ["home_visit"], typesMet: ["call_listening"], personasMet: [persona!.id] });
    expect(a.languages.sort()).toEqual(["de", "en"]);
    expect(a.lastContactAt?.getTime()).toBe(past.endAt.getTime());
    expect(a.blackouts).toEqual([{ start: at(45), end: at(47) }]);
    expect(a.booked.map((b) => b.start.getTime()).sort()).toEqual([at(1).getTime(), at(40).getTime()]);
    // 3 a quarter, 1 held before the period: 2 still owed, the period covers about two thirds of the
    // quarter's remaining time, rounded up: 2. (The one inside the period the matcher counts itself.)
    expect(a.cadenceTarget).toBe(2);

    const e = input.events.find((event) => event.id === inside.id)!;
    expect(e).toMatchObject({ freeSeats: 1, type: "customer_breakfast", language: null, attendeeIds: [anna.id], personas: [{ id: persona!.id, name: persona!.name }] });
    expect(input.events.find((event) => event.id === declined.id)!.excludedExecutiveIds).toEqual([anna.id]);
  });
});

describe(`choosing a run's safaris by type (${databaseKind})`, () => {
  it("takes the period's matchable safaris of the ticked types, soonest first, and none that is full, a draft or elsewhere in time", async () => {
    // A window of its own, two years on, so other tests' safaris stay out.
    const start = new Date(quarter.start.getTime() + 730 * dayMs);
    const period = { start, end: new Date(start.getTime() + 30 * dayMs) };
    const on = (days: number) => ({ startAt: new Date(start.getTime() + days * dayMs), endAt: new Date(start.getTime() + days * dayMs + hourMs) });
    const later = await makeEvent(organizerId, { ...on(9), type: "home_visit" });
    const sooner = await makeEvent(organizerId, { ...on(2), type: "home_visit" });
    const call = await makeEvent(organizerId, { ...on(3), type: "call_listening" });
    await makeEvent(organizerId, { ...on(4), type: "home_visit", status: "draft" });
    await makeEvent(organizerId, { ...on(5), type: "home_visit", seats: 1, seatsTaken: 1 });
    await makeEvent(organizerId, { ...on(40), type: "home_visit" });

    const now = new Date();
    expect(await matchableEventIdsOfTypes(period, now, ["home_visit"])).toEqual([sooner.id, later.id]);
    expect(await matchableEventIdsOfTypes(period, now, ["home_visit", "call_listening"])).toEqual([sooner.id, call.id, later.id]);
    expect(await matchableEventIdsOfTypes(period, now, ["store_visit"])).toEqual([]);
  });
});

describe(`runs, removals and hand-added executives (${databaseKind})`, () => {
  it("stores a run with proposals and reasons, the unplaced with theirs, coverage, tiers, fingerprint and an audit line", async () => {
    const db = await getDb();
    const long = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Longest Waiting" });
    const short = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Also Waiting" });
    const done = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Already Booked" });
    const safari = await makeEvent(organizerId, { startAt: at(10), endAt: at(10, 11), seats: 2 });
    await db.insert(participations).values({ eventId: safari.id, executiveId: done.id, status: "confirmed", source: "signed_up" });

    const runId = await createRun(organizerId, { period: quarter, eventIds: [safari.id] }, new Date(), zone);

    const [run] = await db.select().from(matchRuns).where(eq(matchRuns.id, runId));
    expect(run).toMatchObject({ createdById: organizerId, parentRunId: null, eventsCount: 1, publishedAt: null });
    expect(run!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(run!.tiers).toMatchObject({ covered: 1, placements: 1 });
    expect(run!.coverageAfter - run!.coverageBefore).toBe(1);
    const proposals = await proposalsOf(runId);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ eventId: safari.id, origin: "matcher", removedAt: null, outcome: null });
    expect(proposals[0]!.reason).toContain("no customer contact yet");
    const unplaced = await db.select().from(matchRunUnplaced).where(eq(matchRunUnplaced.runId, runId));
    expect(unplaced).toHaveLength(1);
    expect([long.id, short.id]).toContain(unplaced[0]!.executiveId);
    expect(unplaced[0]).toMatchObject({ missing: 1, reason: "all_full" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "match_run.create"), eq(auditLog.objectId, runId)));
    expect(audit).toMatchObject({ actorId: organizerId, objectType: "match_run" });

    // The same data gives the same fingerprint.
    const again = await createRun(organizerId, { period: quarter, eventIds: [safari.id] }, run!.createdAt, zone);
    const [second] = await db.select().from(matchRuns).where(eq(matchRuns.id, again));
    expect(second!.fingerprint).toBe(run!.fingerprint);
  });

  it("refuses safaris that can no longer be matched, naming them", async () => {
    const full = await makeEvent(organizerId, { title: "Full breakfast", startAt: at(12), endAt: at(12, 11), seats: 1 });
    const db = await getDb();
    await db.insert(participations).values({ eventId: full.id, executiveId: (await makeExecutive()).id, status: "confirmed", source: "signed_up" });
    const draft = await makeEvent(organizerId, { title: "Draft visit", status: "draft", startAt: at(13), endAt: at(13, 11) });
    const errors = await refusalOf(createRun(organizerId, { period: quarter, eventIds: [full.id, draft.id] }, new Date(), zone));
    expect(errors.eventIds![0]).toMatch(/“Full breakfast” is full; “Draft visit” is a draft/);
  });

  it("removes a proposal, and checks an executive added by hand against the hard rules in plain words", async () => {
    const db = await getDb();
    const anna = await makeExecutive({ cadencePerQuarter: 1, monthlyCap: 1 }, { name: "Anna Schmitt" });
    const ben = await makeExecutive({ cadencePerQuarter: 0 }, { name: "Ben Booked" });
    const cleo = await makeExecutive({ cadencePerQuarter: 0, monthlyCap: 1 }, { name: "Cleo Capped" });
    const dora = await makeExecutive({ cadencePerQuarter: 0 }, { name: "Dora Free" });
    const safari = await makeEvent(organizerId, { startAt: at(20), endAt: at(20, 11), seats: 1 });
    const other = await makeEvent(organizerId, { startAt: at(40), endAt: at(40, 11), seats: 1 });
    const runId = await createRun(organizerId, { period: quarter, eventIds: [safari.id, other.id] }, new Date(), zone);
    const [annas] = await proposalsOf(runId);
    expect(annas).toMatchObject({ executiveId: anna.id });

    // Seats: Anna holds the only seat of her safari.
    const annasEvent = annas!.eventId;
    const freeEvent = annasEvent === safari.id ? other : safari;
    expect(await refusalOf(addProposal(organizerId, { runId, executiveId: dora.id, eventId: annasEvent }, new Date(), zone))).toEqual({
      executiveId: ["Seats: no seat left on this safari."],
    });
    // Blackout.
    await db.insert(executiveBlackouts).values({ userId: dora.id, startAt: new Date(freeEvent.startAt.getTime() - hourMs), endAt: freeEvent.endAt, timeZone: zone });
    expect(await refusalOf(addProposal(organizerId, { runId, executiveId: dora.id, eventId: freeEvent.id }, new Date(), zone))).toEqual({
      executiveId: ["Blackout: Dora Free is unavailable then."],
    });
    // Already booked at that time.
    const clash = await makeEvent(organizerId, { startAt: freeEvent.startAt, endAt: freeEvent.endAt, seats: 5 });
    await db.insert(participations).values({ eventId: clash.id, executiveId: ben.id, status: "confirmed", source: "signed_up" });
    expect(await refusalOf(addProposal(organizerId, { runId, executiveId: ben.id, eventId: freeEvent.id }, new Date(), zone))).toEqual({
      executiveId: ["Already booked at that time: Ben Booked has another safari then."],
    });
    // Monthly cap: Cleo has one safari that month already, her cap is one.
    const sameMonth = await makeEvent(organizerId, { startAt: new Date(freeEvent.startAt.getTime() + dayMs), endAt: new Date(freeEvent.startAt.getTime() + dayMs + hourMs), seats: 5 });
    await db.insert(participations).values({ eventId: sameMonth.id, executiveId: cleo.id, status: "confirmed", source: "signed_up" });
    expect((await refusalOf(addProposal(organizerId, { runId, executiveId: cleo.id, eventId: freeEvent.id }, new Date(), zone))).executiveId).toEqual([
      "Monthly cap: Cleo Capped would have more than 1 safaris that month.",
    ]);
    // A safari outside the run.
    expect(await refusalOf(addProposal(organizerId, { runId, executiveId: dora.id, eventId: clash.id }, new Date(), zone))).toEqual({
      eventId: ["Choose a safari of this run."],
    });

    // Removing Anna frees her seat: Dora (no blackout then) may now take it.
    await removeProposal(organizerId, runId, annas!.id, new Date());
    expect(await codeOf(removeProposal(organizerId, runId, annas!.id, new Date()))).toBe("NOT_FOUND");
    await addProposal(organizerId, { runId, executiveId: dora.id, eventId: annasEvent }, new Date(), zone);
    const rows = await proposalsOf(runId);
    expect(rows.find((row) => row.executiveId === dora.id)).toMatchObject({ origin: "manual", removedAt: null, reason: expect.stringMatching(/^added by hand by /) });
    expect((await proposalsOf(runId)).find((row) => row.id === annas!.id)).toMatchObject({ removedById: organizerId });
  });

  it("re-runs with the removals kept out and the hand-added executives kept in", async () => {
    const anna = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Anna Removed" });
    const ben = await makeExecutive({ cadencePerQuarter: 0 }, { name: "Ben Hand-added" });
    const first = await makeEvent(organizerId, { startAt: at(20), endAt: at(20, 11), seats: 1 });
    const second = await makeEvent(organizerId, { startAt: at(30), endAt: at(30, 11), seats: 1 });
    const runId = await createRun(organizerId, { period: quarter, eventIds: [first.id, second.id] }, new Date(), zone);
    const [proposal] = await proposalsOf(runId);
    expect(proposal).toMatchObject({ executiveId: anna.id });
    const removedFrom = proposal!.eventId;
    const otherEvent = removedFrom === first.id ? second.id : first.id;
    await removeProposal(organizerId, runId, proposal!.id, new Date());
    await addProposal(organizerId, { runId, executiveId: ben.id, eventId: otherEvent }, new Date(), zone);

    const childId = await rerun(organizerId, runId, new Date(), zone);
    const db = await getDb();
    const [child] = await db.select().from(matchRuns).where(eq(matchRuns.id, childId));
    expect(child!.parentRunId).toBe(runId);
    const rows = await proposalsOf(childId);
    // Anna is not proposed where she was removed; the only other seat is Ben's, fixed: she stays short.
    expect(pairs(rows.filter((row) => row.removedAt === null))).toEqual([`${ben.id}@${otherEvent}`]);
    expect(rows.find((row) => row.executiveId === ben.id)).toMatchObject({ origin: "manual" });
    expect(rows.find((row) => row.executiveId === anna.id)).toMatchObject({ eventId: removedFrom, removedById: organizerId });
    const unplaced = await db.select().from(matchRunUnplaced).where(eq(matchRunUnplaced.runId, childId));
    expect(unplaced).toMatchObject([{ executiveId: anna.id, missing: 1 }]);

    // And a re-run of the re-run still keeps both.
    const grandchild = await rerun(organizerId, childId, new Date(), zone);
    expect(pairs((await proposalsOf(grandchild)).filter((row) => row.removedAt === null))).toEqual([`${ben.id}@${otherEvent}`]);
  });
});

describe(`publishing a run (${databaseKind})`, () => {
  it("invites in one go with notices and held seats, reports stale proposals, and never twice", async () => {
    const db = await getDb();
    const names = ["Invited One", "Invited Two", "Signed Elsewhere", "Cancelled Safari", "Already On", "Waitlisted Wendy", "Declined Dan", "Full Fiona"];
    const people = [];
    for (const name of names) people.push(await makeExecutive({ cadencePerQuarter: 0 }, { name }));
    const [one, two, elsewhere, cancelledFor, already, waitlisted, declined, fullFor] = people as [typeof people[number], ...typeof people];
    const open = await makeEvent(organizerId, { title: "Open breakfast", startAt: at(20), endAt: at(20, 11), seats: 8 });
    const toCancel = await makeEvent(organizerId, { startAt: at(21), endAt: at(21, 11), seats: 2 });
    const toFill = await makeEvent(organizerId, { startAt: at(22), endAt: at(22, 11), seats: 1 });
    const runId = await createRun(organizerId, { period: quarter, eventIds: [open.id, toCancel.id, toFill.id] }, new Date(), zone);
    // Nobody is below target: the proposals are the organizer's own.
    for (const [who, event] of [
      [one, open],
      [two, open],
      [elsewhere, open],
      [cancelledFor, toCancel],
      [already, open],
      [waitlisted, open],
      [declined, open],
      [fullFor, toFill],
    ] as const) {
      await addProposal(organizerId, { runId, executiveId: who!.id, eventId: event.id }, new Date(), zone);
    }
    // Then the world changes.
    const overlapping = await makeEvent(organizerId, { startAt: new Date(open.startAt.getTime() + hourMs), endAt: new Date(open.endAt.getTime() + hourMs), seats: 3 });
    await db.insert(participations).values([
      { eventId: overlapping.id, executiveId: elsewhere!.id, status: "confirmed", source: "signed_up" },
      { eventId: open.id, executiveId: already!.id, status: "confirmed", source: "signed_up" },
      { eventId: open.id, executiveId: waitlisted!.id, status: "waitlisted", source: "signed_up", waitlistedAt: new Date() },
      { eventId: open.id, executiveId: declined!.id, status: "declined", source: "signed_up" },
      { eventId: toFill.id, executiveId: (await makeExecutive({ cadencePerQuarter: 0 })).id, status: "confirmed", source: "signed_up" },
    ]);
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date(), cancellationReason: "Host ill." }).where(eq(events.id, toCancel.id));

    const now = new Date();
    expect(await publishRun(organizerId, runId, 3, now)).toEqual({ invited: 3, stale: 5 });

    const rows = await proposalsOf(runId);
    const outcome = (id: string) => rows.find((row) => row.executiveId === id)!;
    for (const who of [one, two, waitlisted]) expect(outcome(who!.id)).toMatchObject({ outcome: "invited", outcomeNote: null });
    expect(outcome(elsewhere!.id)).toMatchObject({ outcome: "stale", outcomeNote: "The executive has signed up for another safari at that time." });
    expect(outcome(cancelledFor!.id)).toMatchObject({ outcome: "stale", outcomeNote: "The safari has been cancelled." });
    expect(outcome(already!.id)).toMatchObject({ outcome: "stale", outcomeNote: "The executive is already on this safari (confirmed)." });
    expect(outcome(declined!.id)).toMatchObject({ outcome: "stale", outcomeNote: "The executive declined this safari earlier." });
    expect(outcome(fullFor!.id)).toMatchObject({ outcome: "stale", outcomeNote: "The safari has no seat left." });

    const respondBy = invitationDeadline(open, now, 3)!;
    const invitations = await db.select().from(participations).where(and(eq(participations.eventId, open.id), eq(participations.status, "invited")));
    expect(invitations.map((p) => p.executiveId).sort()).toEqual([one!.id, two!.id, waitlisted!.id].sort());
    for (const invitation of invitations) expect(invitation).toMatchObject({ source: "matched", respondBy, waitlistedAt: null });
    // Three invitations and the confirmed executive hold seats.
    const [openNow] = await db.select().from(events).where(eq(events.id, open.id));
    expect(openNow!.seatsTaken).toBe(4);
    // The declined row stays the executive's own "no".
    const [dan] = await db.select().from(participations).where(and(eq(participations.eventId, open.id), eq(participations.executiveId, declined!.id)));
    expect(dan!.status).toBe("declined");

    const notices = await db.select().from(notifications).where(and(eq(notifications.eventId, open.id), eq(notifications.kind, "invitation")));
    expect(notices.map((n) => n.userId).sort()).toEqual([one!.id, two!.id, waitlisted!.id].sort());
    expect(notices[0]!.details).toMatchObject({ title: "Open breakfast", startAt: open.startAt.toISOString(), respondBy: respondBy.toISOString() });
    const [run] = await db.select().from(matchRuns).where(eq(matchRuns.id, runId));
    expect(run).toMatchObject({ publishedById: organizerId });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "match_run.publish"), eq(auditLog.objectId, runId)))).toHaveLength(1);

    // Once published: no second publish, no changes.
    expect(await codeOf(publishRun(organizerId, runId, 5, new Date()))).toBe("INVALID_STATE");
    expect(await codeOf(removeProposal(organizerId, runId, rows[0]!.id, new Date()))).toBe("INVALID_STATE");
    expect(await codeOf(addProposal(organizerId, { runId, executiveId: fullFor!.id, eventId: open.id }, new Date(), zone))).toBe("INVALID_STATE");
    expect(await codeOf(rerun(organizerId, runId, new Date(), zone))).toBe("INVALID_STATE");
    expect(await db.select().from(notifications).where(and(eq(notifications.eventId, open.id), eq(notifications.kind, "invitation")))).toHaveLength(3);
  });

  it("reports a safari starting within 24 hours as too late to invite", async () => {
    const soon = await makeEvent(organizerId, { startAt: new Date(Date.now() + 5 * hourMs), endAt: new Date(Date.now() + 6 * hourMs) });
    const anna = await makeExecutive({ cadencePerQuarter: 1 });
    const period = { start: new Date(Date.now() - hourMs), end: new Date(Date.now() + 2 * dayMs) };
    const runId = await createRun(organizerId, { period, eventIds: [soon.id] }, new Date(), zone);
    expect(pairs(await proposalsOf(runId))).toEqual([`${anna.id}@${soon.id}`]);
    expect(await publishRun(organizerId, runId, 5, new Date())).toEqual({ invited: 0, stale: 1 });
    expect((await proposalsOf(runId))[0]).toMatchObject({ outcome: "stale", outcomeNote: "The safari starts within 24 hours: too late to invite." });
  });

  // PGlite runs one transaction at a time, so only a server can show the row lock at work.
  it.skipIf(databaseKind === "pglite")("publishes once when two publishes of the same run race", async () => {
    const db = await getDb();
    const executives = [];
    for (let i = 0; i < 6; i++) executives.push(await makeExecutive({ cadencePerQuarter: 1 }));
    const safaris: Awaited<ReturnType<typeof makeEvent>>[] = [];
    for (let i = 0; i < 3; i++) safaris.push(await makeEvent(organizerId, { startAt: at(20 + i), endAt: at(20 + i, 11), seats: 2 }));
    const runId = await createRun(organizerId, { period: quarter, eventIds: safaris.map((s) => s.id) }, new Date(), zone);
    expect(await proposalsOf(runId)).toHaveLength(6);

    const outcomes = await Promise.all([1, 2, 3].map(() => codeOf(publishRun(organizerId, runId, 5, new Date()))));

    expect(outcomes.sort()).toEqual(["INVALID_STATE", "INVALID_STATE", "ok"]);
    const invited = await db.select().from(participations).where(eq(participations.source, "matched"));
    expect(invited.filter((p) => safaris.some((s) => s.id === p.eventId))).toHaveLength(6);
    const notices = await db.select().from(notifications).where(eq(notifications.kind, "invitation"));
    expect(notices.filter((n) => safaris.some((s) => s.id === n.eventId))).toHaveLength(6);
  });

  it.skipIf(databaseKind === "pglite")("lets the database judge a sign-up that slips in after the checks: only that proposal goes stale", async () => {
    const db = await getDb();
    const anna = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Anna Racing" });
    const ben = await makeExecutive({ cadencePerQuarter: 1 }, { name: "Ben Calm" });
    const safari = await makeEvent(organizerId, { startAt: at(25), endAt: at(25, 11), seats: 2 });
    const elsewhere = await makeEvent(organizerId, { startAt: at(25, 10), endAt: at(25, 12), seats: 2 });
    const runId = await createRun(organizerId, { period: quarter, eventIds: [safari.id] }, new Date(), zone);
    expect(pairs(await proposalsOf(runId))).toEqual([`${anna.id}@${safari.id}`, `${ben.id}@${safari.id}`].sort());

    // Anna signs up elsewhere at the same time, in a transaction still open while the publish checks.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const signUp = db.transaction(async (tx) => {
      await tx.insert(participations).values({ eventId: elsewhere.id, executiveId: anna.id, status: "confirmed", source: "signed_up" });
      inserted();
      await gate;
    });
    await insertedYet;
    const publishing = publishRun(organizerId, runId, 5, new Date());
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await signUp;

    expect(await publishing).toEqual({ invited: 1, stale: 1 });
    const rows = await proposalsOf(runId);
    expect(rows.find((row) => row.executiveId === anna.id)).toMatchObject({ outcome: "stale", outcomeNote: "The executive has signed up for another safari at that time." });
    expect(rows.find((row) => row.executiveId === ben.id)).toMatchObject({ outcome: "invited" });
    const [safariNow] = await db.select().from(events).where(eq(events.id, safari.id));
    expect(safariNow!.seatsTaken).toBe(1);
  });
});
