import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { executiveProfiles, users } from "@/db/schema";

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
