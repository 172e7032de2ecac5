import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { events, executiveProfiles, users, type EventType, type UserRole } from "@/db/schema";

/*
 * Small builders for integration tests: rows go straight into the real, migrated test database.
 * Passwords are a fixed pre-computed argon2id hash of "password" so tests do not pay for hashing.
 */
export const testPasswordHash =
  "$argon2id$v=19$m=19456,t=2,p=1$dGVzdC1zYWx0LTEyMw$0Od0c3pr54hR3E1wvwOvoRFgAB7c/j82vXgFgG4ggVo";

export async function makeUser(role: UserRole, overrides: Partial<typeof users.$inferInsert> = {}) {
  const db = await getDb();
  const id = randomUUID();
  const [user] = await db
    .insert(users)
    .values({ id, email: `${role}-${id.slice(0, 8)}@test.example`, name: `${role} ${id.slice(0, 4)}`, passwordHash: testPasswordHash, role, ...overrides })
    .returning();
  return user!;
}

export async function makeExecutive(profile: Partial<typeof executiveProfiles.$inferInsert> = {}, user: Partial<typeof users.$inferInsert> = {}) {
  const db = await getDb();
  const executive = await makeUser("executive", user);
  await db.insert(executiveProfiles).values({ userId: executive.id, department: "Sales", seniority: "vp", ...profile });
  return executive;
}

export async function makeEvent(organizerId: string, overrides: Partial<typeof events.$inferInsert> = {}) {
  const db = await getDb();
  const start = overrides.startAt ?? new Date(Date.now() + 7 * 24 * 3_600_000);
  const [event] = await db
    .insert(events)
    .values({
      type: "customer_breakfast" satisfies EventType,
      title: "Breakfast with young families",
      startAt: start,
      endAt: new Date(start.getTime() + 2 * 3_600_000),
      timeZone: "Europe/Berlin",
      seats: 2,
      status: "published",
      organizerId,
      // The database wants a time and a reason on every cancelled event.
      ...(overrides.status === "cancelled" ? { cancelledAt: new Date(), cancellationReason: "Cancelled in a test." } : {}),
      ...overrides,
    })
    .returning();
  return event!;
}
