import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { vacuumAfterBulkChange } from "@/db/maintenance";
import { events, matchRunEvents, matchRunProposals, matchRuns, matchRunUnplaced, notifications, participations, seatHoldingStatuses, users, type ProposalOrigin } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, violatedConstraint } from "@/lib/errors/app-error";
import { proposeMatches } from "@/lib/matching/matcher";
import { scoreAssignments } from "@/lib/matching/objective";
import { prepare } from "@/lib/matching/prepare";
import { checkHardRules } from "@/lib/matching/rules";
import type { Assignment, Interval } from "@/lib/matching/types";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { withChoices } from "./choices";
import { inputFingerprint } from "./fingerprint";
import { gatherInput } from "./gather";
import { constraintNotes, FieldRefusal, planInvitations, ruleRefusal, type PublishEvent } from "./rules";

/*
 * Writes of match runs: a run (gathered, solved and stored in one transaction), an organizer's changes to
 * its proposals, a re-run keeping them, and publishing (invitations, notices and outcomes in one transaction).
 */

/** Rows a statement, so a run of any size stays under the driver's parameter limit. */
const chunkSize = 1_000;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
}

type Carried = Assignment & { origin: ProposalOrigin; reason: string; removedAt: Date | null; removedById: string | null };

export type RunRequest = { period: Interval; eventIds: string[] };

/** Why each chosen event can no longer be matched, or an empty list when all can. */
async function unmatchable(eventIds: string[], period: Interval, now: Date): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: events.id, title: events.title, status: events.status, startAt: events.startAt, seats: events.seats, seatsTaken: events.seatsTaken })
    .from(events)
    .where(inArray(events.id, eventIds));
  const problems = rows.flatMap((event) => {
    if (event.status !== "published") return [`“${event.title}” is ${event.status === "draft" ? "a draft" : event.status}`];
    if (event.startAt < now) return [`“${event.title}” has started`];
    if (event.startAt < period.start || event.startAt >= period.end) return [`“${event.title}” starts outside the period`];
    if (event.seatsTaken >= event.seats) return [`“${event.title}” is full`];
    return [];
  });
  const missing = eventIds.length - rows.length;
  if (missing > 0) problems.push(missing === 1 ? "1 chosen safari no longer exists" : `${missing} chosen safaris no longer exist`);
  return problems;
}

/** A new run over the chosen events: gathers the input, proposes, stores. Returns its id. */
export async function createRun(actorId: string, request: RunRequest, now: Date, zone: string): Promise<string> {
  const problems = await unmatchable(request.eventIds, request.period, now);
  if (problems.length > 0) {
    throw new FieldRefusal({ eventIds: [`These safaris can no longer be matched: ${problems.join("; ")}. Reload the list and choose again.`] });
  }
  return solveAndStore(actorId, { ...request, parentRunId: null, carried: [] }, now, zone);
}

async function solveAndStore(
  actorId: string,
  request: RunRequest & { parentRunId: string | null; carried: Carried[] },
  now: Date,
  zone: string,
): Promise<string> {
  const db = await getDb();
  const { period, eventIds, parentRunId, carried } = request;
  const { input: base } = await gatherInput(db, { period, now, zone, eventIds });
  const manual = carried.filter((proposal) => proposal.origin === "manual" && proposal.removedAt === null);
  const removed = carried.filter((proposal) => proposal.removedAt !== null);
  const input = withChoices(base, { manual, removed });

  const started = performance.now();
  const result = proposeMatches(input);
  const solveMs = Math.round(performance.now() - started);

  const prepared = prepare(base);
  const scored = [...result.proposals, ...manual.filter((p) => prepared.executiveIndex.has(p.executiveId) && prepared.eventIndex.has(p.eventId))];
  const tiers = scoreAssignments(base, scored, prepared);
  const coverageBefore = prepared.executives.filter((executive) => executive.deficit === 0).length;
  const coverageAfter = input.executives.length - result.unplaced.length;
  const fingerprint = inputFingerprint(input);

  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(matchRuns)
      .values({
        createdById: actorId,
        createdAt: now,
        parentRunId,
        periodStart: period.start,
        periodEnd: period.end,
        fingerprint,
        tiers: { ...tiers },
        executivesCount: input.executives.length,
        eventsCount: input.events.length,
        coverageBefore,
        coverageAfter,
        solveMs,
      })
      .returning({ id: matchRuns.id });
    const runId = run!.id;
    for (const rows of chunks(eventIds)) await tx.insert(matchRunEvents).values(rows.map((eventId) => ({ runId, eventId })));
    const proposals = [
      ...result.proposals.map((p) => ({ runId, eventId: p.eventId, executiveId: p.executiveId, origin: "matcher" as const, reason: p.reason })),
      ...[...manual, ...removed].map((p) => ({ runId, eventId: p.eventId, executiveId: p.executiveId, origin: p.origin, reason: p.reason, removedAt: p.removedAt, removedById: p.removedById })),
    ];
    for (const rows of chunks(proposals)) await tx.insert(matchRunProposals).values(rows);
    for (const rows of chunks(result.unplaced)) {
      await tx.insert(matchRunUnplaced).values(rows.map((u) => ({ runId, executiveId: u.executiveId, missing: u.missing, reason: u.reason, explanation: u.explanation })));
    }
    await recordAudit(tx, {
      actorId,
      action: "match_run.create",
      objectType: "match_run",
      objectId: runId,
      details: { parentRunId, fingerprint, events: eventIds.length, proposals: result.proposals.length, kept: manual.length, excluded: removed.length, unplaced: result.unplaced.length },
    });
    return runId;
  });
}

/** The run's row, locked against a concurrent change or publish; refused once published. */
async function lockOpenRun(tx: Transaction, runId: string) {
  const [run] = await tx.select().from(matchRuns).where(eq(matchRuns.id, runId)).for("update");
  if (!run) throw new AppError("NOT_FOUND");
  if (run.publishedAt) throw new AppError("INVALID_STATE", "This run has been published: its proposals can no longer change.");
  return run;
}

/** Takes a proposal out of the run; a re-run keeps it out. */
export async function removeProposal(actorId: string, runId: string, proposalId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOpenRun(tx, runId);
    const [row] = await tx
      .update(matchRunProposals)
      .set({ removedAt: now, removedById: actorId })
      .where(and(eq(matchRunProposals.id, proposalId), eq(matchRunProposals.runId, runId), isNull(matchRunProposals.removedAt)))
      .returning({ id: matchRunProposals.id });
    if (!row) throw new AppError("NOT_FOUND");
  });
}

/**
 * Adds an executive to one of the run's events by hand, after checking the hard rules against the
 * database as it is now, with the run's other proposals. A refusal names the rule as a field error.
 */
export async function addProposal(actorId: string, pair: Assignment & { runId: string }, now: Date, zone: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const run = await lockOpenRun(tx, pair.runId);
    const [event] = await tx
      .select({ status: events.status })
      .from(matchRunEvents)
      .innerJoin(events, eq(events.id, matchRunEvents.eventId))
      .where(and(eq(matchRunEvents.runId, run.id), eq(matchRunEvents.eventId, pair.eventId)));
    if (!event) throw new FieldRefusal({ eventId: ["Choose a safari of this run."] });
    if (event.status !== "published") {
      throw new FieldRefusal({ eventId: [event.status === "cancelled" ? "This safari has been cancelled." : "This safari is no longer open."] });
    }
    const [person] = await tx.select({ name: users.name }).from(users).where(and(eq(users.id, pair.executiveId), eq(users.role, "executive")));
    if (!person) throw new FieldRefusal({ executiveId: ["Choose an executive from the list."] });

    const runEvents = await tx.select({ eventId: matchRunEvents.eventId }).from(matchRunEvents).where(eq(matchRunEvents.runId, run.id));
    const { input } = await gatherInput(tx, { period: { start: run.periodStart, end: run.periodEnd }, now, zone, eventIds: runEvents.map((e) => e.eventId) });
    const active = await tx
      .select({ executiveId: matchRunProposals.executiveId, eventId: matchRunProposals.eventId })
      .from(matchRunProposals)
      .where(and(eq(matchRunProposals.runId, run.id), isNull(matchRunProposals.removedAt)));
    const prepared = prepare(input);
    const key = (v: { rule: string; detail: string }) => `${v.rule} ${v.detail}`;
    const before = new Set(checkHardRules(input, active, prepared).map(key));
    const added = { executiveId: pair.executiveId, eventId: pair.eventId };
    const broken = checkHardRules(input, [...active, added], prepared).filter((violation) => !before.has(key(violation)));
    if (broken.length > 0) {
      const cap = input.executives.find((executive) => executive.id === pair.executiveId)?.monthlyCap ?? null;
      throw new FieldRefusal({ executiveId: [...new Set(broken.map((violation) => ruleRefusal(violation.rule, person.name, cap)))] }, "This executive cannot take that seat.");
    }
    const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId));
    const reason = `added by hand by ${actor?.name ?? "an organizer"}`;
    // A pair removed earlier comes back as the same row, now hand-added.
    await tx
      .insert(matchRunProposals)
      .values({ runId: run.id, ...added, origin: "manual", reason })
      .onConflictDoUpdate({
        target: [matchRunProposals.runId, matchRunProposals.eventId, matchRunProposals.executiveId],
        set: { origin: "manual", reason, removedAt: null, removedById: null },
      });
  });
}

/**
 * A new run over the same period and events, keeping the organizer's choices: removed pairs stay out,
 * hand-added ones stay in (booked in the input, carried as manual proposals). Returns the new run's id.
 */
export async function rerun(actorId: string, runId: string, now: Date, zone: string): Promise<string> {
  const db = await getDb();
  const [run] = await db.select().from(matchRuns).where(eq(matchRuns.id, runId));
  if (!run) throw new AppError("NOT_FOUND");
  if (run.publishedAt) throw new AppError("INVALID_STATE", "This run has been published: start a new run instead.");
  const [runEvents, carried] = await Promise.all([
    db.select({ eventId: matchRunEvents.eventId }).from(matchRunEvents).where(eq(matchRunEvents.runId, runId)),
    db
      .select({
        executiveId: matchRunProposals.executiveId,
        eventId: matchRunProposals.eventId,
        origin: matchRunProposals.origin,
        reason: matchRunProposals.reason,
        removedAt: matchRunProposals.removedAt,
        removedById: matchRunProposals.removedById,
      })
      .from(matchRunProposals)
      .where(and(eq(matchRunProposals.runId, runId), sql`(${matchRunProposals.origin} = 'manual' or ${isNotNull(matchRunProposals.removedAt)})`)),
  ]);
  return solveAndStore(
    actorId,
    { period: { start: run.periodStart, end: run.periodEnd }, eventIds: runEvents.map((e) => e.eventId), parentRunId: runId, carried },
    now,
    zone,
  );
}

export type PublishOutcome = { invited: number; stale: number };

/**
 * Publishes a run: an invitation (invited, matched, answer by the deadline) and a notice for every proposal
 * that still fits, in one transaction; the rest are marked stale with why. The run's row is locked first,
 * so a second publish (a double click) waits and is then refused.
 */
export async function publishRun(actorId: string, runId: string, respondWithinDays: number, now: Date): Promise<PublishOutcome> {
  const db = await getDb();
  const published = await db.transaction(async (tx) => {
    await lockOpenRun(tx, runId);
    const proposals = await tx
      .select({ id: matchRunProposals.id, executiveId: matchRunProposals.executiveId, eventId: matchRunProposals.eventId })
      .from(matchRunProposals)
      .where(and(eq(matchRunProposals.runId, runId), isNull(matchRunProposals.removedAt)))
      // Hand-added first: the organizer chose them explicitly, so they get a scarce seat first.
      .orderBy(sql`${matchRunProposals.origin} = 'manual' desc`, asc(matchRunProposals.id));
    const eventIds = [...new Set(proposals.map((p) => p.eventId))];
    const executiveIds = [...new Set(proposals.map((p) => p.executiveId))];

    // Sign-ups lock an event before they insert: with the events locked (in id order, as every publish
    // takes them) the seats counted here stay free until this transaction ends.
    const eventRows = eventIds.length
      ? await tx
          .select({ id: events.id, title: events.title, status: events.status, startAt: events.startAt, endAt: events.endAt, timeZone: events.timeZone, seats: events.seats, seatsTaken: events.seatsTaken })
          .from(events)
          .where(inArray(events.id, eventIds))
          .orderBy(asc(events.id))
          .for("update")
      : [];
    const eventsById = new Map(eventRows.map((event) => [event.id, event]));
    const span = eventRows.length
      ? { start: new Date(Math.min(...eventRows.map((e) => e.startAt.getTime()))), end: new Date(Math.max(...eventRows.map((e) => e.endAt.getTime()))) }
      : null;
    const [existing, held] = await Promise.all([
      tx
        .select({ eventId: participations.eventId, executiveId: participations.executiveId, status: participations.status })
        .from(participations)
        .innerJoin(
          matchRunProposals,
          and(eq(matchRunProposals.eventId, participations.eventId), eq(matchRunProposals.executiveId, participations.executiveId)),
        )
        .where(and(eq(matchRunProposals.runId, runId), isNull(matchRunProposals.removedAt))),
      span
        ? tx
            .select({ executiveId: participations.executiveId, start: events.startAt, end: events.endAt })
            .from(participations)
            .innerJoin(events, eq(events.id, participations.eventId))
            .where(
              and(
                inArray(participations.executiveId, executiveIds),
                inArray(participations.status, [...seatHoldingStatuses]),
                sql`${events.startAt} < ${span.end.toISOString()}::timestamptz and ${events.endAt} > ${span.start.toISOString()}::timestamptz`,
              ),
            )
        : Promise.resolve([]),
    ]);
    const existingOf = new Map(existing.map((row) => [`${row.executiveId}|${row.eventId}`, row.status]));
    const bookings = new Map<string, { start: Date; end: Date }[]>();
    for (const row of held) bookings.set(row.executiveId, [...(bookings.get(row.executiveId) ?? []), row]);

    const plan = planInvitations(
      proposals.map((p) => ({ executiveId: p.executiveId, eventId: p.eventId, existing: existingOf.get(`${p.executiveId}|${p.eventId}`) ?? null })),
      eventsById as Map<string, PublishEvent>,
      bookings,
      now,
      respondWithinDays,
    );
    const outcomes = new Map<string, { outcome: "invited" | "stale"; note: string | null; respondBy?: Date }>();
    proposals.forEach((p, i) => {
      const decision = plan[i]!;
      outcomes.set(p.id, decision.invite ? { outcome: "invited", note: null, respondBy: decision.respondBy } : { outcome: "stale", note: decision.note });
    });

    const toInvite = proposals.filter((p) => outcomes.get(p.id)!.outcome === "invited");
    const invite = (rows: typeof toInvite, on: Transaction) =>
      on
        .insert(participations)
        .values(rows.map((p) => ({ eventId: p.eventId, executiveId: p.executiveId, status: "invited" as const, source: "matched" as const, respondBy: outcomes.get(p.id)!.respondBy! })))
        .onConflictDoUpdate({
          target: [participations.eventId, participations.executiveId],
          // Only a waitlist place turns into an invitation; any other row was reported above.
          set: { status: "invited", source: "matched", respondBy: sql`excluded.respond_by`, waitlistedAt: null, respondedAt: null, declineReason: null, expiredAt: null },
          setWhere: eq(participations.status, "waitlisted"),
        })
        .returning({ eventId: participations.eventId, executiveId: participations.executiveId });

    const written = new Set<string>();
    const pairKey = (p: { executiveId: string; eventId: string }) => `${p.executiveId}|${p.eventId}`;
    try {
      // All at once inside a savepoint; should a change since the checks make the database refuse one,
      // the savepoint goes and each is tried on its own, so that only the stale ones stay out.
      await tx.transaction(async (savepoint) => {
        for (const rows of chunks(toInvite)) for (const row of await invite(rows, savepoint)) written.add(pairKey(row));
      });
    } catch (error) {
      if (!constraintNotes[violatedConstraint(error) ?? ""]) throw error;
      written.clear();
      for (const p of toInvite) {
        try {
          await tx.transaction(async (savepoint) => {
            for (const row of await invite([p], savepoint)) written.add(pairKey(row));
          });
        } catch (single) {
          const note = constraintNotes[violatedConstraint(single) ?? ""];
          if (!note) throw single;
          outcomes.set(p.id, { outcome: "stale", note });
        }
      }
    }
    for (const p of toInvite) {
      if (!written.has(pairKey(p)) && outcomes.get(p.id)!.outcome === "invited") outcomes.set(p.id, { outcome: "stale", note: constraintNotes.participations_event_executive_key! });
    }

    const rows = proposals.map((p) => ({ id: p.id, outcome: outcomes.get(p.id)!.outcome, note: outcomes.get(p.id)!.note }));
    for (const part of chunks(rows)) {
      await tx.execute(sql`
        update ${matchRunProposals} set outcome = v.outcome, outcome_note = v.note
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as v(id uuid, outcome text, note text)
        where ${matchRunProposals.id} = v.id`);
    }
    const invited = proposals.filter((p) => outcomes.get(p.id)!.outcome === "invited");
    for (const part of chunks(invited)) {
      await notify(
        tx,
        part.map((p) => {
          const event = eventsById.get(p.eventId)!;
          return { userId: p.executiveId, kind: "invitation" as const, eventId: p.eventId, details: { ...safariDetails(event), respondBy: outcomes.get(p.id)!.respondBy!.toISOString() } };
        }),
      );
    }
    await tx.update(matchRuns).set({ publishedAt: now, publishedById: actorId }).where(eq(matchRuns.id, runId));
    const stale = proposals.length - invited.length;
    await recordAudit(tx, { actorId, action: "match_run.publish", objectType: "match_run", objectId: runId, details: { invited: invited.length, stale, respondWithinDays } });
    return { invited: invited.length, stale };
  });
  // Each invitation rewrote its event's seat count (a trigger) and each proposal got its outcome, leaving as
  // many dead rows, and two tables grew; PGlite has no autovacuum to see to that (db/maintenance.ts).
  await vacuumAfterBulkChange(db, "publishing a match run", [events, matchRunProposals, participations, notifications]);
  return published;
}
