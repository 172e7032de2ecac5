import { describe, expect, it } from "vitest";
import { empathyItems, expectationSchema, expectationVerdict, isBriefed } from "@/lib/briefing/schema";
import { fieldErrorsOf } from "@/lib/forms";

const id = "6f1c1a52-8a40-4e0a-9d3e-1c2b3a4d5e6f";
const start = new Date("2027-03-30T07:00:00Z");

describe("the expectation form", () => {
  const valid = { participationId: id, expectation: "  Waiting times.  ", empathy1: "2", empathy2: "7", empathy3: "1" };
  const errors = (input: Record<string, string | undefined>) => {
    const result = expectationSchema.safeParse(input);
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("keeps a trimmed answer and the three ratings in order", () => {
    expect(expectationSchema.parse(valid)).toEqual({ participationId: id, expectation: "Waiting times.", empathyBefore: [2, 7, 1] });
  });

  it("refuses an empty or over-long answer with a field error", () => {
    expect(errors({ ...valid, expectation: "  " })).toEqual({ expectation: ["Write what you expect to hear, in a sentence or two."] });
    expect(errors({ ...valid, expectation: "x".repeat(2001) })).toEqual({ expectation: ["Keep it to 2000 characters or fewer."] });
    expect(errors({ ...valid, expectation: "x".repeat(2000) })).toEqual({});
  });

  it("refuses a rating left out, out of 1–7 or not whole, on its own item", () => {
    const message = `Rate “${empathyItems[1]}” from 1 to 7.`;
    for (const wrong of [undefined, "0", "8", "3.5", "many"]) expect(errors({ ...valid, empathy2: wrong }), String(wrong)).toEqual({ empathy2: [message] });
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
