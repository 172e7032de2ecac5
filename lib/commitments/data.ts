import "server-only";
import { and, asc, count, desc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { commitments, commitmentUpdates, events, executiveProfiles, reflections, users } from "@/db/schema";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { containsText, cursorFound } from "@/lib/paging/sql";
import type { CommitmentFilterStatus } from "./list";

/*
 * Reads of commitments. Whose commitments a list holds is decided here, with the data: an executive's own,
 * or for organizers those whose reflection is shared with the CX team (lib/reflections/access.ts) — a
 * private or anonymised reflection's commitments never reach them, so no hidden author is shown.
 */

export type CommitmentScope = { ownerId: string } | { sharedWithCxTeam: true; search?: string; department?: string };
export type CommitmentListQuery = { scope: CommitmentScope; status?: CommitmentFilterStatus; today: string };

const stillToKeep = notInArray(commitments.status, ["done", "dropped"]);

function statusFilter(status: CommitmentFilterStatus | undefined, today: string): SQL | undefined {
  if (!status) return undefined;
  // The same predicate as commitments_due_idx, so the overdue list reads one stretch of it.
  if (status === "overdue") return and(stillToKeep, sql`${commitments.dueOn} < ${today}::date`);
  return eq(commitments.status, status);
}

function scopeFilter(scope: CommitmentScope): SQL | undefined {
  if ("ownerId" in scope) return eq(commitments.ownerId, scope.ownerId);
  return and(
    eq(reflections.visibility, "cx_team"),
    scope.search ? or(containsText(commitments.body, scope.search), containsText(users.name, scope.search), containsText(events.title, scope.search)) : undefined,
    scope.department ? eq(executiveProfiles.department, scope.department) : undefined,
  );
}

/** A commitment with its reflection, event, owner and the owner's department, which the filters read. */
function withContext<T extends PgSelect>(select: T) {
  return select
    .innerJoin(reflections, eq(reflections.id, commitments.reflectionId))
    .innerJoin(events, eq(events.id, reflections.eventId))
    .innerJoin(users, eq(users.id, commitments.ownerId))
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, commitments.ownerId));
}

/** One page of commitments by due date, with the count of all that match; null when the cursor's row is not among them. */
export async function listCommitments(query: CommitmentListQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = and(scopeFilter(query.scope), statusFilter(query.status, query.today));
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: true,
      key: sql`(${commitments.dueOn}, ${commitments.id})`,
      keyOf: (id) => sql`(select c.due_on, c.id from ${commitments} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        withContext(
          db
          .select({
            id: commitments.id,
            body: commitments.body,
            dueOn: commitments.dueOn,
            status: commitments.status,
            doneAt: commitments.doneAt,
            helpers: commitments.helpers,
            loopClosedAt: commitments.loopClosedAt,
            loopClosedNote: commitments.loopClosedNote,
            customerTold: commitments.customerTold,
            frontlineTold: commitments.frontlineTold,
            reflectionId: commitments.reflectionId,
            ownerName: users.name,
            department: executiveProfiles.department,
            eventTitle: events.title,
          })
          .from(commitments)
          .$dynamic(),
        )
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(commitments.dueOn), asc(commitments.id)] : [desc(commitments.dueOn), desc(commitments.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    withContext(db.select({ count: count(), cursorFound: cursorFound(commitments.id, cursor) }).from(commitments).$dynamic())
      .where(filter),
  ]);
  if (!total?.cursorFound) return null;
  return { ...page, count: total.count, history: await historyOf(page.rows.map((row) => row.id)) };
}

export type CommitmentListItem = NonNullable<Awaited<ReturnType<typeof listCommitments>>>["rows"][number];

/** The history of the given commitments, oldest first, by commitment id. Callers pass only ids they may read. */
export async function historyOf(commitmentIds: string[]) {
  const byCommitment = new Map<string, CommitmentUpdateView[]>();
  if (commitmentIds.length === 0) return byCommitment;
  const db = await getDb();
  const rows = await db
    .select({
      id: commitmentUpdates.id,
      commitmentId: commitmentUpdates.commitmentId,
      statusFrom: commitmentUpdates.statusFrom,
      statusTo: commitmentUpdates.statusTo,
      note: commitmentUpdates.note,
      createdAt: commitmentUpdates.createdAt,
    })
    .from(commitmentUpdates)
    .where(inArray(commitmentUpdates.commitmentId, commitmentIds))
    .orderBy(asc(commitmentUpdates.createdAt), asc(commitmentUpdates.id));
  for (const row of rows) byCommitment.set(row.commitmentId, [...(byCommitment.get(row.commitmentId) ?? []), row]);
  return byCommitment;
}

export type CommitmentUpdateView = {
  id: string;
  commitmentId: string;
  statusFrom: (typeof commitments.status.enumValues)[number];
  statusTo: (typeof commitments.status.enumValues)[number];
  note: string;
  createdAt: Date;
};

/** The departments executives belong to, for the organizers' filter. */
export async function departmentChoices(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ department: executiveProfiles.department }).from(executiveProfiles).orderBy(asc(executiveProfiles.department));
  return rows.map((row) => row.department);
}
