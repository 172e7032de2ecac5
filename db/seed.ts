import { getEnv } from "@/lib/env";
import { openDatabase } from "./connection";
import { vacuumAfterBulkChange } from "./maintenance";
import { demoPassword, demoSignIns, seedDemoData } from "./seed-data";

/*
 * `npm run db:seed`: migrates the database the environment names (DATABASE_URL, else the embedded
 * PGlite folder) and adds the demo data. Running it again adds nothing.
 */
const env = getEnv();
const target = env.DATABASE_URL ? "the PostgreSQL server in DATABASE_URL" : `the embedded database in ${env.PGLITE_DATA_DIR}`;
const db = await openDatabase();
try {
  const { eventsAdded } = await seedDemoData(db, { now: new Date() });
  if (eventsAdded > 0) await vacuumAfterBulkChange(db, "the demo seed");
  console.log(eventsAdded > 0 ? `Demo data added to ${target}.` : `Demo data already in ${target}: nothing added.`);
} finally {
  await db.$close();
}

const width = Math.max(...demoSignIns.map((s) => s.email.length));
console.log(`\nDemo sign-ins (password for every account: ${demoPassword})\n`);
for (const s of demoSignIns) console.log(`  ${s.email.padEnd(width)}  ${s.role.padEnd(10)}  ${s.name} (${s.note})`);
console.log("");
