import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const base = "http://app.example";

/** What a browser does with the result: resolve it against our own page. */
function resolved(path: string) {
  return new URL(path, base);
}

describe("safeCallbackPath", () => {
  it.each([
    ["/safaris", "/safaris"],
    ["/safaris/mine?tab=past", "/safaris/mine?tab=past"],
    ["/organize/events/../events/new", "/organize/events/new"],
    ["http://app.example/summary?quarter=2026-Q3", "/summary?quarter=2026-Q3"],
    ["safaris", "/safaris"],
  ])("keeps a path on this site: %s", (value, expected) => {
    expect(safeCallbackPath(value, base)).toBe(expected);
  });

  it.each([
    // What probing found: a path that resolves to "//host" is read by the browser as another site.
    "http://app.example//evil.example/x",
    "http://other.example//evil.example/x",
    "/.//evil.example/x",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    " //evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/%09/evil.example",
    "https:evil.example",
    "https://evil.example/safaris",
    "http://app.example.evil.example/",
    "http://app.example@evil.example/",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:ceo@evil.example",
    "ftp://evil.example/",
    "/".padEnd(5000, "a"),
    "",
    "http://[::1",
  ])("never leaves the site or fails: %j", (value) => {
    const result = safeCallbackPath(value, base);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result.startsWith("/\\")).toBe(false);
    expect(resolved(result).origin).toBe(base);
  });

  it("sends the hostile ones found by probing to the start page", () => {
    expect(safeCallbackPath("http://app.example//evil.example/x", base)).toBe("/");
    expect(safeCallbackPath("/.//evil.example/x", base)).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)", base)).toBe("/");
    expect(safeCallbackPath("data:text/html,hi", base)).toBe("/");
    expect(safeCallbackPath("mailto:a@b.example", base)).toBe("/");
  });

  it("keeps encoded slashes encoded, so they stay part of a path on this site", () => {
    const result = safeCallbackPath("/%2F%2Fevil.example/x", base);
    expect(result).toBe("/%2F%2Fevil.example/x");
    expect(resolved(result).origin).toBe(base);
  });

  it("treats anything that is not a string as no callback", () => {
    for (const value of [undefined, null, 42, {}, ["/safaris"]]) expect(safeCallbackPath(value, base)).toBe("/");
  });

  it("for any string, gives a single-slash path on this site", () => {
    const hostileParts = fc.constantFrom("/", "\\", "//", "\t", "\n", "\r", " ", ".", "..", "%2F", "%5C", "%09", ":", "@", "?", "#", "evil.example", "javascript:", "data:", "http:", "https:", "app.example");
    const strings = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 50 }),
      fc.array(hostileParts, { maxLength: 12 }).map((parts) => parts.join("")),
      fc.webUrl().map((url) => url.replace(/^https?:\/\//, (scheme) => scheme + "/")),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(strings, (value) => {
        const result = safeCallbackPath(value, base);
        return result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\") && resolved(result).origin === base;
      }),
      { numRuns: 2000 },
    );
  });
});
