/*
 * One log line per request that failed on the server, carrying the same reference (Next.js's error digest)
 * that app/error.tsx and app/global-error.tsx show the user, so a support request finds its log line.
 */

/**
 * What the error pages show as the reference and the log line carries: Next.js's digest of a server
 * error, or null for an error in the browser, which the server never saw.
 */
export function errorReference(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest !== "" ? digest : null;
}

/** The line: reference, method, path and message, on one line whatever the message holds. */
export function requestErrorLine(error: unknown, request: { method: string; path: string }): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const oneLine = (text: string, max: number) => text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, " ").slice(0, max);
  return `Request failed [ref ${errorReference(error) ?? "none"}] ${oneLine(request.method, 16)} ${oneLine(request.path, 500)}: ${oneLine(message, 1000)}`;
}
