import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import type { EventType, Seniority } from "@/db/enums";
import { executiveBlackouts, executiveProfiles, users } from "@/db/schema";

export async function findUserByEmail(email: string) {
  const db = await getDb();
  return db.query.users.findFirst({ where: eq(users.email, email.trim().toLowerCase()) });
}

/** Everyone with an account, with the executive profile where there is one, for the admin's overview. */
export async function listPeople() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timeZone: users.timeZone,
      department: executiveProfiles.department,
      seniority: executiveProfiles.seniority,
      cadencePerQuarter: executiveProfiles.cadencePerQuarter,
    })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .orderBy(asc(users.role), asc(users.name));
}

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

/** Every executive with the CX team's part of their profile, for the organizers' overview. */
export async function listExecutives() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      department: executiveProfiles.department,
      seniority: executiveProfiles.seniority,
      cadencePerQuarter: executiveProfiles.cadencePerQuarter,
      monthlyCap: executiveProfiles.monthlyCap,
    })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .where(eq(users.role, "executive"))
    .orderBy(asc(executiveProfiles.department), asc(users.name));
}
