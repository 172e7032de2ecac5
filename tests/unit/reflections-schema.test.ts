import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formValues, validateForm } from "@/lib/forms";
import { draftSchema, dueDateProblem, latestDueOn, maxDraftBytes, nestFormValues, reflectionEditSchema, reflectionSchema, todayIn } from "@/lib/reflections/schema";
import { parseId } from "@/lib/route-params";

const today = "2026-11-23";
const participationId = "5f0c6d1e-7b8a-4c3d-9e2f-1a2b3c4d5e6f";

/** A valid form: two moments, two commitments, as the browser posts it. */
const validFields: Record<string, string | string[]> = {
  participationId,
  "moments.0.kind": "ouch",
  "moments.0.body": "  Waited 40 minutes on hold  ",
  "moments.0.quote": "I just want one person who knows my case.",
  "moments.0.journeyStage": "get_help",
  "moments.0.emotion": "frustrated",
  "moments.0.intensity": "4",
  "moments.1.kind": "aah",
  "moments.1.body": "The agent called back as promised",
  "moments.1.quote": "",
  "moments.1.journeyStage": "get_help",
  "moments.1.emotion": "moved",
  "moments.1.intensity": "2",
  mapSaid: "I just want one person.",
  mapDid: "",
  mapThought: "",
  mapFelt: "Tired",
  surprise: "How calm she stayed.",
  surpriseScore: "3",
  "empathyAfter.0": "5",
  "empathyAfter.1": "6",
  "empathyAfter.2": "4",
  "commitments.0.body": "Give every caller one named agent for their case",
  "commitments.0.dueOn": "2027-02-28",
  "commitments.0.helpers": "The service desk lead",
  "commitments.0.moments": ["0", "1"],
  "commitments.1.body": "Call back within a day",
  "commitments.1.dueOn": "2027-01-15",
  "commitments.1.helpers": "",
  "commitments.1.moments": "1",
  visibility: "cx_team",
};

function values(overrides: Record<string, string | string[] | undefined> = {}) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...validFields, ...overrides })) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  // Parse exactly what the server action parses: the browser's FormData turned into strings.
  return formValues(data);
}

const form = (overrides: Record<string, string | string[] | undefined> = {}) => reflectionSchema(today).safeParse(values(overrides));

function errorsOf(overrides: Record<string, string | string[] | undefined>) {
  const result = form(overrides);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
}

describe("reflection form schema", () => {
  it("nests the flat names into moments and commitments, trimmed, with the ticked moments as positions", () => {
    const result = form();
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      participationId,
      moments: [
        { id: undefined, kind: "ouch", body: "Waited 40 minutes on hold", quote: "I just want one person who knows my case.", journeyStage: "get_help", emotion: "frustrated", intensity: 4 },
        { id: undefined, kind: "aah", body: "The agent called back as promised", quote: "", journeyStage: "get_help", emotion: "moved", intensity: 2 },
      ],
      mapSaid: "I just want one person.",
      mapDid: "",
      mapThought: "",
      mapFelt: "Tired",
      surprise: "How calm she stayed.",
      surpriseScore: 3,
      empathyAfter: [5, 6, 4],
      commitments: [
        { id: undefined, body: "Give every caller one named agent for their case", dueOn: "2027-02-28", helpers: "The service desk lead", moments: [0, 1] },
        { id: undefined, body: "Call back within a day", dueOn: "2027-01-15", helpers: "", moments: [1] },
      ],
      visibility: "cx_team",
    });
  });

  it("refuses an empty reflection: no moment, no commitment", () => {
    const empty = reflectionSchema(today).safeParse({ participationId, visibility: "cx_team" });
    expect(fieldErrorsOf(empty.error!)).toEqual({
      moments: ["Add at least one moment: what hurt or delighted the customer?"],
      commitments: ["Add at least one commitment: what will you change?"],
    });
  });

  it("asks for every required part of a moment, under that part's own name", () => {
    expect(errorsOf({ "moments.1.kind": "meh", "moments.1.body": "   ", "moments.1.journeyStage": "", "moments.1.emotion": "bored", "moments.1.intensity": undefined })).toEqual({
      "moments.1.kind": ["Choose ouch (pain) or aah (delight)."],
      "moments.1.body": ["Say what happened in this moment."],
      "moments.1.journeyStage": ["Choose where in the customer's journey it happened."],
      "moments.1.emotion": ["Choose the emotion this moment stirred in you."],
      "moments.1.intensity": ["Choose how strongly you felt it, from 1 to 5."],
    });
  });

  it("a gap in the moments' numbering is a moment with nothing filled in", () => {
    const errors = errorsOf({ "moments.3.body": "A third moment", "commitments.0.moments": "0" });
    expect(Object.keys(errors).sort()).toEqual(
      ["moments.2.body", "moments.2.emotion", "moments.2.intensity", "moments.2.journeyStage", "moments.2.kind", "moments.3.emotion", "moments.3.intensity", "moments.3.journeyStage", "moments.3.kind"].sort(),
    );
  });

  it.each([
    ["moments.0.intensity", "0"],
    ["moments.0.intensity", "6"],
    ["moments.0.intensity", "2.5"],
    ["moments.0.intensity", "high"],
    ["surpriseScore", "6"],
    ["surpriseScore", "0"],
    ["empathyAfter.1", "8"],
    ["empathyAfter.1", "0"],
  ])("refuses %s = %s: out of its scale", (name, value) => {
    expect(Object.keys(errorsOf({ [name]: value }))).toEqual([name]);
  });

  it("accepts the ends of each scale", () => {
    expect(form({ "moments.0.intensity": "1", "moments.1.intensity": "5", surpriseScore: "1", "empathyAfter.0": "1", "empathyAfter.2": "7" }).success).toBe(true);
    expect(form({ surpriseScore: "5" }).success).toBe(true);
  });

  it("takes the three empathy items all together or not at all", () => {
    expect(errorsOf({ "empathyAfter.1": "", "empathyAfter.2": undefined })).toEqual({
      "empathyAfter.1": ["Rate all three statements, or none of them."],
      "empathyAfter.2": ["Rate all three statements, or none of them."],
    });
    expect(form({ "empathyAfter.0": "", "empathyAfter.1": "", "empathyAfter.2": undefined }).data?.empathyAfter).toBeNull();
  });

  it("asks for a surprise score when a surprise is written, and allows a score alone", () => {
    expect(errorsOf({ surpriseScore: "" })).toEqual({ surpriseScore: ["Rate how far it differed from your prediction, from 1 to 5."] });
    expect(form({ surprise: "", surpriseScore: "1" }).data).toMatchObject({ surprise: "", surpriseScore: 1 });
    expect(form({ surprise: " ", surpriseScore: "" }).data).toMatchObject({ surprise: "", surpriseScore: null });
  });

  it("refuses every text over its limit, naming the field", () => {
    expect(
      errorsOf({
        "moments.0.body": "x".repeat(501),
        "moments.1.quote": "q".repeat(501),
        mapSaid: "s".repeat(1001),
        mapDid: "d".repeat(1001),
        mapThought: "t".repeat(1001),
        mapFelt: "f".repeat(1001),
        surprise: "s".repeat(2001),
        "commitments.0.body": "c".repeat(501),
        "commitments.1.helpers": "h".repeat(301),
      }),
    ).toEqual({
      "moments.0.body": ["Keep the moment to 500 characters or fewer."],
      "moments.1.quote": ["Keep the quote to 500 characters or fewer."],
      mapSaid: ["Keep what they said to 1000 characters or fewer."],
      mapDid: ["Keep what they did to 1000 characters or fewer."],
      mapThought: ["Keep what they thought to 1000 characters or fewer."],
      mapFelt: ["Keep what they felt to 1000 characters or fewer."],
      surprise: ["Keep what surprised you to 2000 characters or fewer."],
      "commitments.0.body": ["Keep your commitment to 500 characters or fewer."],
      "commitments.1.helpers": ["Keep who else is needed to 300 characters or fewer."],
    });
    // At the limit is fine.
    expect(form({ "moments.0.body": "x".repeat(500), mapSaid: "s".repeat(1000), surprise: "s".repeat(2000), "commitments.1.helpers": "h".repeat(300) }).success).toBe(true);
  });

  it("keeps to 20 moments and 5 commitments", () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 21; i++) {
      Object.assign(many, { [`moments.${i}.kind`]: "ouch", [`moments.${i}.body`]: `Moment ${i}`, [`moments.${i}.journeyStage`]: "use", [`moments.${i}.emotion`]: "curious", [`moments.${i}.intensity`]: "3" });
    }
    for (let i = 0; i < 6; i++) Object.assign(many, { [`commitments.${i}.body`]: `Change number ${i}`, [`commitments.${i}.dueOn`]: "2027-01-01", [`commitments.${i}.moments`]: "0" });
    expect(errorsOf(many)).toEqual({ moments: ["Keep to 20 moments or fewer."], commitments: ["Keep to 5 commitments or fewer."] });
  });

  it("asks each commitment for a body of 5 or more characters, a due date within a year, and a moment it answers that exists", () => {
    expect(errorsOf({ "commitments.0.body": "tbd", "commitments.0.dueOn": "2026-11-22", "commitments.1.moments": undefined })).toEqual({
      "commitments.0.body": ["Say what you will change, in at least 5 characters."],
      "commitments.0.dueOn": ["Pick a date from today on: a commitment cannot be due in the past."],
      "commitments.1.moments": ["Tick at least one moment this commitment answers."],
    });
    expect(errorsOf({ "commitments.1.moments": ["1", "2"] })).toEqual({ "commitments.1.moments": ["Tick only moments written above."] });
    expect(errorsOf({ "commitments.1.moments": "first" })).toEqual({ "commitments.1.moments": ["Tick the moments this commitment answers."] });
    expect(errorsOf({ "commitments.0.dueOn": "2027-11-24" })).toEqual({ "commitments.0.dueOn": ["Pick a date within one year: commit to something you can do soon."] });
    expect(errorsOf({ "commitments.0.dueOn": "2027-02-30" })).toEqual({ "commitments.0.dueOn": ["Enter the date you will have done it by."] });
    expect(form({ "commitments.0.dueOn": today, "commitments.1.dueOn": "2027-11-23" }).success).toBe(true);
  });

  it("only accepts the listed visibilities and a UUID participation", () => {
    expect(errorsOf({ visibility: "everyone", participationId: "42" })).toEqual({
      visibility: ["Choose who may read this reflection."],
      participationId: ["This form is not linked to one of your safaris."],
    });
  });

  it("keys control characters by the flat name too, before the schema runs", () => {
    expect(validateForm(reflectionSchema(today), values({ "moments.1.body": "bad\u0000" }))).toEqual({
      success: false,
      fieldErrors: { "moments.1.body": ["Remove the invisible control characters from this field."] },
    });
  });
});

describe("editing schema", () => {
  const momentId = "11111111-2222-4333-8444-555555555555";
  const commitmentId = "66666666-7777-4888-9999-000000000000";

  it("keeps the ids of existing moments and commitments, and refuses ids that are not ids", () => {
    const edit = { ...values({ participationId: undefined, "moments.0.id": momentId, "commitments.0.id": commitmentId }), reflectionId: participationId };
    const parsed = reflectionEditSchema(today).safeParse(edit);
    expect(parsed.data).toMatchObject({ reflectionId: participationId, moments: [{ id: momentId }, {}], commitments: [{ id: commitmentId }, {}] });
    expect([parsed.data?.moments[1]?.id, parsed.data?.commitments[1]?.id]).toEqual([undefined, undefined]);
    expect(fieldErrorsOf(reflectionEditSchema(today).safeParse({ ...edit, "moments.1.id": "x" }).error!)).toEqual({
      "moments.1.id": ["This form refers to a row that is not part of this reflection."],
    });
  });

  it("lets an existing commitment keep a due date that has passed since, but not move to another past date", () => {
    const edit = { ...values({ participationId: undefined, "commitments.0.id": commitmentId, "commitments.0.dueOn": "2026-11-20" }), reflectionId: participationId };
    expect(reflectionEditSchema(today, { [commitmentId]: "2026-11-20" }).safeParse(edit).success).toBe(true);
    expect(fieldErrorsOf(reflectionEditSchema(today, { [commitmentId]: "2026-11-21" }).safeParse(edit).error!)).toEqual({
      "commitments.0.dueOn": ["Pick a date from today on: a commitment cannot be due in the past."],
    });
  });
});

describe("drafts", () => {
  it("keep a partial form with the form's own names", () => {
    expect(draftSchema.safeParse({ participationId, "moments.0.body": "Half a thought", "commitments.0.moments": "0\n1" }).data).toEqual({
      participationId,
      content: { "moments.0.body": "Half a thought", "commitments.0.moments": "0\n1" },
    });
  });

  it("refuse names the form does not have, overlong values, oversized drafts and a missing participation", () => {
    expect(draftSchema.safeParse({ participationId, "moments.0.colour": "red" }).success).toBe(false);
    expect(draftSchema.safeParse({ participationId, evil: "x" }).success).toBe(false);
    expect(draftSchema.safeParse({ participationId, surprise: "s".repeat(2001) }).success).toBe(false);
    const big: Record<string, string> = { participationId };
    for (let i = 0; i < 40; i++) big[`moments.${i}.body`] = "m".repeat(2000);
    expect(JSON.stringify(big).length).toBeGreaterThan(maxDraftBytes);
    expect(draftSchema.safeParse(big).success).toBe(false);
    expect(draftSchema.safeParse({ "moments.0.body": "no participation" }).success).toBe(false);
  });

  it("nest like the form, so a restored draft shows each value in its own input", () => {
    expect(nestFormValues({ "moments.1.body": "b", "empathyAfter.2": "7", mapSaid: "s" })).toEqual({
      moments: [{}, { body: "b" }],
      commitments: [],
      empathyAfter: [undefined, undefined, "7"],
      mapSaid: "s",
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
