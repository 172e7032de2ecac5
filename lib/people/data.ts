import "server-only";
import { and, asc, count, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { EventType, Seniority, UserRole } from "@/db/enums";
import { executiveBlackouts, executiveProfiles, users } from "@/db/schema";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { containsText, cursorFound } from "@/lib/paging/sql";

export async function findUserByEmail(email: string) {
  const db = await getDb();
  return db.query.users.findFirst({ where: eq(users.email, email.trim().toLowerCase()) });
}

export type PeopleQuery = { role?: UserRole; /** Part of the name or the e-mail address, any case. */ search?: string };

/** Name or e-mail address contains the text. */
const personMatches = (text: string) => or(containsText(users.name, text), containsText(users.email, text));

/**
 * One page of accounts, by name, with the executive profile where there is one; null when the cursor
 * names no account the filter matches. Both lists of people read through this.
 */
async function pageOfPeople(filter: SQL | undefined, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: true,
      key: sql`(${users.name}, ${users.id})`,
      keyOf: (id) => sql`(select c.name, c.id from ${users} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            role: users.role,
            timeZone: users.timeZone,
            department: executiveProfiles.department,
            seniority: executiveProfiles.seniority,
            cadencePerQuarter: executiveProfiles.cadencePerQuarter,
            monthlyCap: executiveProfiles.monthlyCap,
          })
          .from(users)
          .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(users.name), asc(users.id)] : [desc(users.name), desc(users.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    db
      .select({ count: count(), cursorFound: cursorFound(users.id, cursor) })
      .from(users)
      .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
      .where(filter),
  ]);
  return total?.cursorFound ? { ...page, count: total.count } : null;
}

/** Everyone with an account, for the admin's overview. */
export const listPeople = (query: PeopleQuery, cursor: Cursor, pageSize: number) =>
  pageOfPeople(and(query.role ? eq(users.role, query.role) : undefined, query.search ? personMatches(query.search) : undefined), cursor, pageSize);

/** The parts of an executive's profile the forms show; blackouts only those not yet over at `now`. */
export type ProfileView = {
  userId: string;
  name: string;
  email: string;
  timeZone: string;
  profile: {
    department: string;
    seniority: Seniority;
    languages: string[];
    preferredTypes: EventType[];
    cadencePerQuarter: number;
    monthlyCap: number;
    blackouts: { id: string; startAt: Date; endAt: Date; timeZone: string }[];
  } | null;
};

/**
 * An executive and their profile (null when the CX team has not set one up yet), or null when `userId`
 * is no executive. The same read serves the executive's own page and the CX team's.
 */
export async function findExecutiveProfile(userId: string, now: Date): Promise<ProfileView | null> {
  const db = await getDb();
  const [row] = await db
    .select({ user: { id: users.id, name: users.name, email: users.email, timeZone: users.timeZone }, profile: executiveProfiles })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.role, "executive")));
  if (!row) return null;
  const { user, profile } = row;
  const blackouts = profile
    ? await db
        .select({ id: executiveBlackouts.id, startAt: executiveBlackouts.startAt, endAt: executiveBlackouts.endAt, timeZone: executiveBlackouts.timeZone })
        .from(executiveBlackouts)
        .where(and(eq(executiveBlackouts.userId, userId), gt(executiveBlackouts.endAt, now)))
        .orderBy(asc(executiveBlackouts.startAt), asc(executiveBlackouts.endAt))
    : [];
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    timeZone: user.timeZone,
    profile: profile
      ? {
          department: profile.department,
          seniority: profile.seniority,
          languages: profile.languages,
          preferredTypes: profile.preferredTypes,
          cadencePerQuarter: profile.cadencePerQuarter,
          monthlyCap: profile.monthlyCap,
          blackouts,
        }
      : null,
  };
}

export type ExecutiveQuery = { department?: string; seniority?: Seniority; /** Part of the name or the e-mail address. */ search?: string };

/** The executives with the CX team's part of their profile, for the organizers' overview. */
export const listExecutives = (query: ExecutiveQuery, cursor: Cursor, pageSize: number) =>
  pageOfPeople(
    and(
      eq(users.role, "executive"),
      query.department ? eq(executiveProfiles.department, query.department) : undefined,
      query.seniority ? eq(executiveProfiles.seniority, query.seniority) : undefined,
      query.search ? personMatches(query.search) : undefined,
    ),
    cursor,
    pageSize,
  );
