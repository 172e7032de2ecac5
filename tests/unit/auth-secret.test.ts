import { describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth/secret";

describe("getAuthSecret", () => {
  it("uses AUTH_SECRET when it is set", () => {
    const secret = "x".repeat(40);
    expect(getAuthSecret({ NODE_ENV: "production", AUTH_SECRET: secret })).toBe(secret);
  });

  it("stops production without a secret, saying what to do", () => {
    expect(() => getAuthSecret({ NODE_ENV: "production", AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET is not set.*openssl rand/);
  });

  it("gives development a generated secret that stays the same", () => {
    const first = getAuthSecret({ NODE_ENV: "development", AUTH_SECRET: undefined });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(getAuthSecret({ NODE_ENV: "development", AUTH_SECRET: undefined })).toBe(first);
  });
});
