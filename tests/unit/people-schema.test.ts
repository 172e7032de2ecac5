import { describe, expect, it } from "vitest";
import { validateForm } from "@/lib/forms";
import { languageCodes, languageLabel } from "@/lib/people/languages";
import { executiveProfileSchema, ownProfileSchema } from "@/lib/people/schema";
import { builtInTypeKeys } from "../support/event-types";

/* The profile forms' schemas, as the browser and the server both run them. */
const now = new Date("2026-03-01T12:00:00Z");
const executiveId = "8f1c6a52-8a0b-4a53-9d53-0d2a8e3c1a02";

describe("the executive's own profile form", () => {
  it("reads ticked boxes joined by line feeds, counts a repeat once, and ignores a blackout row left wholly empty", () => {
    const result = validateForm(ownProfileSchema(now, builtInTypeKeys), {
      timeZone: "America/New_York",
      languages: "en\nes\nen",
      preferredTypes: "customer_event",
      blackoutStart: "\n2026-07-03T00:00",
      blackoutEnd: "\n2026-07-06T00:00",
    });
    expect(result).toEqual({
      success: true,
      data: {
        timeZone: "America/New_York",
        languages: ["en", "es"],
        preferredTypes: ["customer_event"],
        blackouts: [{ start: "2026-07-03T00:00", end: "2026-07-06T00:00", startAt: new Date("2026-07-03T04:00:00Z"), endAt: new Date("2026-07-06T04:00:00Z") }],
      },
    });
  });

  it("takes no choices at all as empty lists", () => {
    const result = validateForm(ownProfileSchema(now, builtInTypeKeys), { timeZone: "UTC" });
    expect(result).toEqual({ success: true, data: { timeZone: "UTC", languages: [], preferredTypes: [], blackouts: [] } });
  });

  it("names the row of a blackout with only a start", () => {
    const result = validateForm(ownProfileSchema(now, builtInTypeKeys), { timeZone: "UTC", blackoutStart: "2026-07-03T00:00\n2026-08-01T00:00", blackoutEnd: "2026-07-04T00:00\n" });
    expect(result).toEqual({ success: false, fieldErrors: { blackout2: ["Enter the end date and time."] } });
  });

  it("offers at least the languages the brief names, each with a label", () => {
    for (const code of ["de", "en", "el", "fr", "es", "it", "tr", "pl"]) expect(languageCodes).toContain(code);
    expect(languageLabel("el")).toBe("Greek (el)");
    expect(languageLabel("sw")).toBe("sw");
  });
});

describe("the CX team's profile form", () => {
  const valid = { executiveId, department: "Sales", seniority: "vp", cadencePerQuarter: "2", monthlyCap: "2" };

  it("trims the department and reads the numbers", () => {
    expect(validateForm(executiveProfileSchema, { ...valid, department: "  Product & IT ", cadencePerQuarter: " 0 ", monthlyCap: "31" })).toEqual({
      success: true,
      data: { executiveId, department: "Product & IT", seniority: "vp", cadencePerQuarter: 0, monthlyCap: 31 },
    });
  });

  it.each([
    ["cadencePerQuarter", "", "Enter the target as a whole number from 0 to 12."],
    ["cadencePerQuarter", "1.5", "Enter the target as a whole number from 0 to 12."],
    ["cadencePerQuarter", "-1", "Enter the target as a whole number from 0 to 12."],
    ["cadencePerQuarter", "13", "Enter the target as a whole number from 0 to 12."],
    ["monthlyCap", "32", "Enter the cap as a whole number from 0 to 31."],
    ["monthlyCap", "two", "Enter the cap as a whole number from 0 to 31."],
    ["department", "x".repeat(81), "Keep the department to 80 characters or fewer."],
    ["department", "", "Enter the department."],
    ["seniority", "", "Choose a seniority."],
    ["executiveId", "not-an-id", "Unknown executive."],
  ])("refuses %s = %j", (field, value, message) => {
    expect(validateForm(executiveProfileSchema, { ...valid, [field]: value })).toEqual({ success: false, fieldErrors: { [field]: [message] } });
  });

  it("takes a department of exactly 80 characters", () => {
    expect(validateForm(executiveProfileSchema, { ...valid, department: "x".repeat(80) }).success).toBe(true);
  });
});
