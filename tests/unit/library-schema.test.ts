import { describe, expect, it } from "vitest";
import { libraryFilters, libraryListSchema, librarySearchMax, momentsOfCommitmentHref } from "@/lib/library/schema";
import { listHref, parseListParams } from "@/lib/paging/params";

const parse = (params: Record<string, string | string[] | undefined>) => parseListParams(libraryListSchema, params);
const uuid = "0b6c4f6e-3f1a-4c1e-9a4b-2d5e8f7a9c10";

describe("the library's filter parameters", () => {
  it("reads a full view, trimming the search, and treats empty fields as no filter", () => {
    const parsed = parse({ q: "  Kündigung  ", kind: "ouch", persona: uuid, type: "home_visit", emotion: "worried", stage: "pay", from: "2026-01-01", to: "2026-03-31", commitment: uuid, size: "10" });
    expect(parsed).toEqual({
      success: true,
      data: { q: "Kündigung", kind: "ouch", persona: uuid, type: "home_visit", emotion: "worried", stage: "pay", from: "2026-01-01", to: "2026-03-31", commitment: uuid, size: "10" },
    });
    expect(parse({ q: "", kind: "", persona: "", stage: "" })).toEqual({ success: true, data: {} });
  });

  it("refuses a search longer than the limit with a field error, and takes one of exactly the limit", () => {
    expect(parse({ q: "a".repeat(librarySearchMax) }).success).toBe(true);
    expect(parse({ q: "a".repeat(librarySearchMax + 1) })).toEqual({ success: false, fieldErrors: { q: [`The search has at most ${librarySearchMax} characters.`] } });
    expect(parse({ q: "Rechnung\u0000" })).toMatchObject({ success: false, fieldErrors: { q: [expect.stringContaining("control characters")] } });
  });

  it("refuses values outside the fixed lists, field by field", () => {
    const parsed = parse({ kind: "meh", emotion: "bored", stage: "anywhere", type: "Home Visit", persona: "42", commitment: "x" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["commitment", "emotion", "kind", "persona", "stage", "type"]);
    expect(parsed.fieldErrors.kind).toEqual(["Choose ouch or aah."]);
  });

  it("refuses a period that ends before it starts, days that do not exist, both page positions and repeated filters", () => {
    expect(parse({ from: "2026-03-02", to: "2026-03-01" })).toMatchObject({ success: false, fieldErrors: { to: ["The last day comes on or after the first."] } });
    expect(parse({ from: "2026-02-30" })).toMatchObject({ success: false, fieldErrors: { from: ["From: that day does not exist."] } });
    expect(parse({ after: uuid, before: uuid }).success).toBe(false);
    expect(parse({ kind: ["ouch", "aah"] })).toEqual({ success: false, fieldErrors: { kind: ["Give this filter once."] } });
  });

  it("keeps the filters, not the position, in page links, and links a commitment to its moments", () => {
    const parsed = parse({ q: "contract numbers", kind: "aah", after: uuid });
    if (!parsed.success) throw new Error("should parse");
    expect(listHref("/library", libraryFilters(parsed.data), { before: uuid })).toBe(`/library?q=contract+numbers&kind=aah&before=${uuid}`);
    expect(momentsOfCommitmentHref(uuid)).toBe(`/library?commitment=${uuid}`);
  });
});
