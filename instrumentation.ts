// Runs once when the server starts: fail fast, with a clear message, on a missing secret or an unusable
// database, and run migrations before the first request rather than during it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getAuthSecret } = await import("@/lib/auth/secret");
  const { getDb } = await import("@/db");
  try {
    getAuthSecret();
    await getDb();
  } catch (error) {
    console.error(`\nCustomer Safari cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
