// Runs once when the server starts (see lib/startup.ts); the Node.js part is imported only on Node.js.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("@/lib/startup");
    await checkStartup();
  }
}
