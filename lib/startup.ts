import { getDb } from "@/db";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Fail fast, with a clear message, on a missing secret or an unusable database, and run migrations
 * before the first request rather than during it.
 */
export async function checkStartup() {
  try {
    getAuthSecret();
    await getDb();
  } catch (error) {
    console.error(`\nCustomer Safari cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
