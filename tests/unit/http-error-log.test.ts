import { describe, expect, it } from "vitest";
import { errorReference, requestErrorLine } from "@/lib/http/error-log";

describe("requestErrorLine", () => {
  it("carries the digest the error page shows, the method, the path and the message", () => {
    const error = Object.assign(new Error("relation \"events\" does not exist"), { digest: "2837461923" });
    expect(errorReference(error)).toBe("2837461923");
    expect(requestErrorLine(error, { method: "GET", path: "/organize/events/1" })).toBe(
      'Request failed [ref 2837461923] GET /organize/events/1: Error: relation "events" does not exist',
    );
  });

  it("stays one line whatever the message or path holds", () => {
    const error = Object.assign(new TypeError("first\nsecond\r\nthird"), { digest: "1" });
    const line = requestErrorLine(error, { method: "POST", path: "/a\nb" });
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toBe("Request failed [ref 1] POST /a b: TypeError: first second third");
  });

  it("says so when there is no digest, and copes with things that are not errors", () => {
    expect(errorReference(new Error("x"))).toBeNull();
    expect(errorReference(null)).toBeNull();
    expect(requestErrorLine("boom", { method: "GET", path: "/" })).toBe("Request failed [ref none] GET /: boom");
  });

  it("cuts an endless message short", () => {
    expect(requestErrorLine(new Error("x".repeat(10_000)), { method: "GET", path: "/" }).length).toBeLessThan(1100);
  });
});
