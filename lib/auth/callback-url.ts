/*
 * Where to go after signing in (or out), from a `callbackUrl` anyone can put in a link, a form field or
 * a cookie. Used by the sign-in action and by Auth.js's `redirect` callback (lib/auth/config.ts), so both
 * the form and /api/auth/callback/credentials answer alike. Pure: no request, no database.
 */

// Longer than any path of ours; a longer value is either a mistake or an attack.
const maxLength = 2048;

/**
 * A path on this site: always one "/" followed by no "/" or "\" (which browsers read as another host),
 * resolving to `baseUrl`'s own origin. Anything else, including `javascript:`, `data:` and `mailto:`,
 * gives "/", which sends each role to its start page.
 */
export function safeCallbackPath(value: unknown, baseUrl: string = "http://app.invalid"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > maxLength) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    // The URL parser drops tabs and newlines and reads "\" as "/", as browsers do: check what they would see.
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}`;
  // "/.//evil.example" resolves to the pathname "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
