import { describe, expect, it } from "vitest";
import { clientAddress, throttleKeys, tooManyAttemptsMessage, unrecognisedAddress } from "@/lib/auth/throttle";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("trusts the entry our proxy appended, not what the client put before it", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
  });

  it("falls back to X-Real-IP, and to nothing without either header", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(headers({}))).toBeNull();
  });

  it("counts everything that is not an address under one key, so garbage is no way around the limit", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4, <script>" }))).toBe(unrecognisedAddress);
    expect(clientAddress(headers({ "x-forwarded-for": "x".repeat(500) }))).toBe(unrecognisedAddress);
    expect(clientAddress(headers({ "x-real-ip": "not an address" }))).toBe(unrecognisedAddress);
  });
});

describe("throttleKeys", () => {
  it("keys the account by the lower-cased e-mail and adds the address when known", () => {
    expect(throttleKeys(" Lena@Example.COM ", "203.0.113.5").map((k) => k.key)).toEqual(["account:lena@example.com", "address:203.0.113.5"]);
    expect(throttleKeys("lena@example.com", null).map((k) => k.key)).toEqual(["account:lena@example.com"]);
  });
});

describe("tooManyAttemptsMessage", () => {
  it("rounds up to whole minutes", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(841)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(12)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
