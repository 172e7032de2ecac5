import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { feedUrls, hashFeedToken, isWellFormedFeedToken, newFeedToken } from "@/lib/calendar/feeds/token";

describe("a calendar feed token", () => {
  it("is 32 random bytes as base64url: 43 URL-safe characters, different every time", () => {
    const tokens = Array.from({ length: 50 }, newFeedToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedFeedToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("is stored only as its SHA-256 in hex", () => {
    const token = newFeedToken();
    expect(hashFeedToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashFeedToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFeedToken(token)).not.toContain(token);
  });

  it("refuses what could not be one", () => {
    for (const bad of ["", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, `${"A".repeat(42)}/`, `${"A".repeat(42)}+`]) {
      expect(isWellFormedFeedToken(bad)).toBe(false);
    }
  });

  it("makes an https and a webcal address", () => {
    expect(feedUrls("https://safari.example/", "abc")).toEqual({ url: "https://safari.example/calendar/feed/abc", webcalUrl: "webcal://safari.example/calendar/feed/abc" });
    expect(feedUrls("http://localhost:3000", "abc").webcalUrl).toBe("webcal://localhost:3000/calendar/feed/abc");
  });
});
