import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formValues } from "@/lib/forms";
import { dueDateProblem, latestDueOn, reflectionSchema, todayIn } from "@/lib/reflections/schema";
import { parseId } from "@/lib/route-params";

const today = "2026-11-23";
const participationId = "5f0c6d1e-7b8a-4c3d-9e2f-1a2b3c4d5e6f";

function form(overrides: Record<string, string> = {}) {
  const data = new FormData();
  const fields = {
    participationId,
    ouchMoments: "  Waited 40 minutes on hold\n\n   Had to repeat her contract number three times  \n",
    aahMoments: "The agent called back as promised",
    emotion: "frustrated",
    intensity: "4",
    empathyBefore: "",
    empathyAfter: "4",
    customerQuote: "I just want one person who knows my case.",
    surprise: "",
    commitment: "Give every caller one named agent for their case",
    commitmentDueOn: "2027-02-28",
    visibility: "cx_team",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  // Parse exactly what the server action parses: the browser's FormData turned into strings.
  return reflectionSchema(today).safeParse(formValues(data));
}

function errorsOf(overrides: Record<string, string>) {
  const result = form(overrides);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
}

describe("reflection form schema", () => {
  it("turns one moment a line into a list, and blank choices into nothing recorded", () => {
    const result = form();
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      ouchMoments: ["Waited 40 minutes on hold", "Had to repeat her contract number three times"],
      aahMoments: ["The agent called back as promised"],
      intensity: 4,
      empathyBefore: null,
      empathyAfter: 4,
      surprise: "",
      visibility: "cx_team",
    });
  });

  it("asks for at least one ouch and one aah moment", () => {
    expect(errorsOf({ ouchMoments: " \n \n", aahMoments: "" })).toEqual({
      ouchMoments: ["Add at least one ouch moment: what hurt the customer?"],
      aahMoments: ["Add at least one aah moment: what delighted the customer?"],
    });
  });

  it("refuses an intensity outside 1–5 and an empathy that is not on the scale", () => {
    expect(errorsOf({ intensity: "6", empathyBefore: "0" })).toEqual({
      intensity: ["Choose how strongly you felt it, from 1 to 5."],
      empathyBefore: ["Rate your empathy before the safari from 1 to 5, or leave it empty."],
    });
    expect(Object.keys(errorsOf({ intensity: "" }))).toEqual(["intensity"]);
    expect(Object.keys(errorsOf({ intensity: "2.5" }))).toEqual(["intensity"]);
  });

  it("refuses text over its limit, naming the field", () => {
    const errors = errorsOf({
      ouchMoments: `fine\n${"x".repeat(301)}`,
      aahMoments: Array.from({ length: 11 }, (_, i) => `moment ${i}`).join("\n"),
      customerQuote: "q".repeat(1001),
      surprise: "s".repeat(2001),
      commitment: "c".repeat(501),
    });
    expect(errors).toEqual({
      ouchMoments: ["Keep each ouch moment to 300 characters or fewer."],
      aahMoments: ["Write at most 10 aah moments, one per line."],
      customerQuote: ["Keep the quote to 1000 characters or fewer."],
      surprise: ["Keep what surprised you to 2000 characters or fewer."],
      commitment: ["Keep your commitment to 500 characters or fewer."],
    });
  });

  it("requires a commitment and a due date from today to one year ahead", () => {
    expect(errorsOf({ commitment: "tbd", commitmentDueOn: "2026-11-22" })).toEqual({
      commitment: ["Say what you will change, in at least 5 characters."],
      commitmentDueOn: ["Pick a date from today on: a commitment cannot be due in the past."],
    });
    expect(errorsOf({ commitmentDueOn: "2027-11-24" }).commitmentDueOn).toEqual(["Pick a date within one year: commit to something you can do soon."]);
    expect(errorsOf({ commitmentDueOn: "2027-02-30" }).commitmentDueOn).toEqual(["Enter the date you will have done it by."]);
    expect(errorsOf({ commitmentDueOn: "" }).commitmentDueOn).toEqual(["Enter the date you will have done it by."]);
    expect(form({ commitmentDueOn: today }).success).toBe(true);
    expect(form({ commitmentDueOn: "2027-11-23" }).success).toBe(true);
  });

  it("only accepts the listed emotions and visibilities, and a UUID participation", () => {
    expect(errorsOf({ emotion: "bored", visibility: "everyone", participationId: "42" })).toEqual({
      emotion: ["Choose the emotion you felt most."],
      visibility: ["Choose who may read this reflection."],
      participationId: ["This form is not linked to one of your safaris."],
    });
  });
});

describe("the author's today", () => {
  it("is the date on the author's own calendar, so the same instant can be two different days", () => {
    const instant = new Date("2026-11-23T11:30:00Z");
    expect(todayIn("Pacific/Auckland", instant)).toBe("2026-11-24");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-23");
    // A commitment due on the 23rd is fine in Los Angeles and already past in Auckland.
    expect(dueDateProblem("2026-11-23", todayIn("America/Los_Angeles", instant))).toBeNull();
    expect(dueDateProblem("2026-11-23", todayIn("Pacific/Auckland", instant))).toMatch(/past/);
  });

  it("allows due dates up to the same day one year later, leap days included", () => {
    expect(latestDueOn("2028-02-29")).toBe("2029-02-29");
    expect(dueDateProblem("2029-02-28", "2028-02-29")).toBeNull();
    expect(dueDateProblem("2029-03-01", "2028-02-29")).toMatch(/within one year/);
  });
});

describe("ids from URLs", () => {
  it("keeps UUIDs and drops anything else", () => {
    expect(parseId(participationId)).toBe(participationId);
    expect(parseId("not-a-uuid")).toBeNull();
    expect(parseId(["a", "b"])).toBeNull();
    expect(parseId(undefined)).toBeNull();
  });
});
