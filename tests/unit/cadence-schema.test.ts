import { describe, expect, it } from "vitest";
import { cadenceHref, daysSinceLabel, parseCadenceFilter } from "@/lib/cadence/schema";

/* The cadence board's URL state: what it accepts, what it says about what it refuses, and the links it writes. */
describe("reading the board's URL", () => {
  it("accepts no parameters, and empty ones as 'not filtered'", () => {
    expect(parseCadenceFilter({})).toEqual({ success: true, data: {} });
    expect(parseCadenceFilter({ department: "", seniority: "", sort: "", quarter: "" })).toEqual({ success: true, data: {} });
  });

  it("accepts a full view", () => {
    const id = "3f1c2a4e-8b7d-4c6e-9a1b-2c3d4e5f6a7b";
    const parsed = parseCadenceFilter({ quarter: "2026-Q1", department: " Sales ", seniority: "vp", sort: "shortfall", size: "10", after: id });
    expect(parsed).toEqual({ success: true, data: { quarter: "2026-Q1", department: "Sales", seniority: "vp", sort: "shortfall", size: "10", after: id } });
  });

  it("says what is wrong with each bad value instead of guessing", () => {
    const parsed = parseCadenceFilter({ quarter: "2026-Q5", seniority: "intern", sort: "salary", size: "1000", after: "1 or 1=1", department: "Sales\u0000" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.fieldErrors).toEqual({
      quarter: ["Choose a quarter from the list (written like 2026-Q3)."],
      seniority: ["Choose a seniority from the list."],
      sort: ["Choose an order from the list."],
      size: ["Choose 10, 25 or 50 rows a page."],
      after: ["This link to a page of the list is broken."],
      department: ["Remove the invisible control characters from the department."],
    });
  });

  it("refuses a parameter given twice, a page both after and before, and a department too long to exist", () => {
    expect(parseCadenceFilter({ department: ["Sales", "Finance"] })).toEqual({ success: false, fieldErrors: { department: ["Give this filter once."] } });
    const id = "3f1c2a4e-8b7d-4c6e-9a1b-2c3d4e5f6a7b";
    expect(parseCadenceFilter({ after: id, before: id }).success).toBe(false);
    expect(parseCadenceFilter({ department: "x".repeat(81) }).success).toBe(false);
  });
});

describe("the board's links", () => {
  it("keeps the view and adds the page", () => {
    expect(cadenceHref({})).toBe("/organize/cadence");
    expect(cadenceHref({ department: "Product & IT", sort: "name", size: "10" }, { after: "abc" })).toBe(
      "/organize/cadence?department=Product+%26+IT&sort=name&size=10&after=abc",
    );
    expect(parseCadenceFilter(Object.fromEntries(new URL(cadenceHref({ department: "Product & IT" }), "http://x").searchParams))).toEqual({
      success: true,
      data: { department: "Product & IT" },
    });
  });

  it("says how long since the last contact", () => {
    expect([null, 0, 1, 12].map(daysSinceLabel)).toEqual(["never", "today", "1 day", "12 days"]);
  });
});
