import { describe, expect, it } from "vitest";
import { expectationSchema, expectationVerdict, isBriefed } from "@/lib/briefing/schema";
import { fieldErrorsOf } from "@/lib/forms";

const id = "6f1c1a52-8a40-4e0a-9d3e-1c2b3a4d5e6f";
const start = new Date("2027-03-30T07:00:00Z");

describe("the expectation form", () => {
  it("keeps a trimmed answer, and refuses an empty or over-long one with a field error", () => {
    expect(expectationSchema.parse({ participationId: id, expectation: "  Waiting times.  " })).toEqual({ participationId: id, expectation: "Waiting times." });
    const errors = (expectation: string) => {
      const result = expectationSchema.safeParse({ participationId: id, expectation });
      return result.success ? {} : fieldErrorsOf(result.error);
    };
    expect(errors("  ")).toEqual({ expectation: ["Write what you expect to hear, in a sentence or two."] });
    expect(errors("x".repeat(2001))).toEqual({ expectation: ["Keep it to 2000 characters or fewer."] });
    expect(errors("x".repeat(2000))).toEqual({});
  });
});

describe("when the expectation may be written", () => {
  it("until the start, by someone going, invited or waiting", () => {
    const before = new Date(start.getTime() - 1);
    for (const status of ["confirmed", "invited", "waitlisted"] as const) expect(expectationVerdict({ startAt: start, status: "published" }, status, before)).toEqual({ ok: true });
    expect(expectationVerdict({ startAt: start, status: "published" }, "confirmed", start)).toMatchObject({ ok: false });
    expect(expectationVerdict({ startAt: start, status: "cancelled" }, "confirmed", before)).toMatchObject({ ok: false, why: "This safari has been cancelled." });
    expect(expectationVerdict({ startAt: start, status: "published" }, "declined", before)).toMatchObject({ ok: false });
  });

  it("the briefing is read by those going, invited, waiting or who went, not by those who left", () => {
    expect(["invited", "confirmed", "waitlisted", "attended", "no_show"].every((s) => isBriefed(s as never))).toBe(true);
    expect(isBriefed("declined")).toBe(false);
    expect(isBriefed("cancelled")).toBe(false);
    expect(isBriefed(null)).toBe(false);
  });
});
