import { eq, inArray, sql } from "drizzle-orm";
import { bigint, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { events } from "@/db/schema";
import type { Clock } from "@/lib/jobs/clock";
import { embeddedVacuum } from "@/lib/jobs/schedules";
import { createRun, publishRun } from "@/lib/match-runs/mutations";
import { quarterContaining } from "@/lib/time/zones";
import { databaseKind } from "../support/database";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * VACUUM (ANALYZE) on PGlite, which has no autovacuum (db/maintenance.ts): after migrations, after
 * publishing a run, and as an hourly job. On the Postgres server the app leaves it to autovacuum, so the
 * same steps must run nothing there.
 */

// The cumulative statistics view, as a table drizzle can read on both databases.
const tableStats = pgTable("pg_stat_user_tables", {
  relname: text().notNull(),
  nDeadTup: bigint({ mode: "number" }).notNull(),
  // Manual runs only: autovacuum's count separately, so the server's own work does not show here.
  vacuumCount: bigint({ mode: "number" }).notNull(),
  analyzeCount: bigint({ mode: "number" }).notNull(),
});

/** A table's figures. Flushed first: a backend holds its row counts back for a while before reporting them. */
async function statsOf(table: string) {
  const db = await getDb();
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const [row] = await db
    .select({ deadRows: tableStats.nDeadTup, vacuums: tableStats.vacuumCount, analyzes: tableStats.analyzeCount })
    .from(tableStats)
    .where(eq(tableStats.relname, table));
  return row!;
}

const onPglite = databaseKind === "pglite";
const clock: Clock = () => new Date();

describe(`VACUUM (ANALYZE) where there is no autovacuum (${databaseKind})`, () => {
  // First in the file: it reads the counts the opening of this file's fresh database left.
  it("runs once after the migrations of a new database on PGlite, never on the server", async () => {
    await getDb();
    expect(await statsOf("events")).toMatchObject(onPglite ? { vacuums: 1, analyzes: 1 } : { vacuums: 0, analyzes: 0 });
  });

  // The server's dead rows are autovacuum's, which runs when it chooses: nothing to assert about them here.
  it.skipIf(!onPglite)("leaves no dead rows behind on PGlite when the hourly job runs", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const made = [];
    for (let i = 0; i < 20; i++) made.push(await makeEvent(organizer.id));
    const ids = made.map((event) => event.id);
    // Each update leaves the old version of every row behind, and a delete the row itself. A new start
    // time also needs a new index entry (events_status_start_idx), so the page-level pruning that
    // reads do on the side cannot tidy the old versions away: only VACUUM can.
    const later = sql`interval '1 minute'`;
    for (let round = 0; round < 2; round++) {
      await db.update(events).set({ startAt: sql`${events.startAt} + ${later}`, endAt: sql`${events.endAt} + ${later}` }).where(inArray(events.id, ids));
    }
    await db.delete(events).where(inArray(events.id, ids.slice(0, 10)));
    const before = await statsOf("events");
    expect(before.deadRows).toBeGreaterThanOrEqual(40);

    expect(await embeddedVacuum.run(clock)).toEqual({ vacuumed: 1 });

    expect(await statsOf("events")).toEqual({ deadRows: 0, vacuums: before.vacuums + 1, analyzes: before.analyzes + 1 });
    // A second run finds nothing more to do and does no harm.
    expect(await embeddedVacuum.run(clock)).toEqual({ vacuumed: 1 });
    expect((await statsOf("events")).deadRows).toBe(0);
  });

  it("reports what the hourly job did: a VACUUM on PGlite, none on the server", async () => {
    const before = await statsOf("events");
    expect(await embeddedVacuum.run(clock)).toEqual({ vacuumed: onPglite ? 1 : 0 });
    expect(await statsOf("events")).toMatchObject(onPglite ? { vacuums: before.vacuums + 1 } : { vacuums: 0, analyzes: 0 });
  });

  it("runs on the tables a publish rewrote, once it has committed, on PGlite only", async () => {
    const zone = "Europe/Berlin";
    const quarter = quarterContaining(new Date(Date.now() + 200 * 86_400_000), zone);
    const organizer = await makeUser("organizer");
    for (let i = 0; i < 3; i++) await makeExecutive({ cadencePerQuarter: 1 });
    const start = new Date(quarter.start.getTime() + 20 * 86_400_000);
    const safari = await makeEvent(organizer.id, { startAt: start, endAt: new Date(start.getTime() + 7_200_000), seats: 3 });
    const runId = await createRun(organizer.id, { period: quarter, eventIds: [safari.id] }, new Date(), zone);
    const tables = ["events", "match_run_proposals", "participations", "notifications"];
    const before = await Promise.all(tables.map(statsOf));

    expect(await publishRun(organizer.id, runId, 5, new Date())).toEqual({ invited: 3, stale: 0 });

    const after = await Promise.all(tables.map(statsOf));
    const ran = onPglite ? 1 : 0;
    expect(after.map((stats) => ({ vacuums: stats.vacuums, analyzes: stats.analyzes }))).toEqual(
      before.map((stats) => ({ vacuums: stats.vacuums + ran, analyzes: stats.analyzes + ran })),
    );
  });
});
