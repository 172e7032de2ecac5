import type { Instrumentation } from "next";
import { requestErrorLine } from "@/lib/http/error-log";

// Runs once when the server starts (see lib/startup.ts); the Node.js part is imported only on Node.js.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("@/lib/startup");
    await checkStartup();
  }
}

// One line per failed request, with the reference the error page shows (lib/http/error-log.ts).
export const onRequestError: Instrumentation.onRequestError = (error, request) => {
  console.error(requestErrorLine(error, request));
};
