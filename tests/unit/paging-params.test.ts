import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorOf, dayParam, listHref, onePosition, pageFields, pageSizeOf, parseListParams, textParam } from "@/lib/paging/params";

/* A list's URL state: read with field errors, never guessed at, and written back the same way. */
const schema = z.object({ q: textParam("The search", 10), from: dayParam("From"), ...pageFields }).refine(...onePosition);
const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("a list's URL state", () => {
  it("reads empty values as no filter, trims text, and takes the page size and position", () => {
    expect(parseListParams(schema, { q: "", from: "" })).toEqual({ success: true, data: {} });
    const parsed = parseListParams(schema, { q: "  café ", from: "2028-02-29", size: "10", before: id });
    expect(parsed).toEqual({ success: true, data: { q: "café", from: "2028-02-29", size: "10", before: id } });
    if (!parsed.success) return;
    expect(cursorOf(parsed.data)).toEqual({ before: id });
    expect(pageSizeOf(parsed.data)).toBe(10);
    expect(pageSizeOf({})).toBe(25);
    expect(cursorOf({})).toBeNull();
  });

  it("says what is wrong with each value instead of guessing", () => {
    expect(parseListParams(schema, { q: "x".repeat(11), from: "2027-02-29", size: "1000", after: "1 or 1=1" })).toEqual({
      success: false,
      fieldErrors: {
        q: ["The search has at most 10 characters."],
        from: ["From: that day does not exist."],
        size: ["Choose 10, 25 or 50 rows a page."],
        after: ["This link to a page of the list is broken."],
      },
    });
    expect(parseListParams(schema, { q: "a\u0000b" })).toMatchObject({ success: false, fieldErrors: { q: ["Remove the invisible control characters from the search."] } });
    expect(parseListParams(schema, { from: "29.02.2028" })).toMatchObject({ success: false, fieldErrors: { from: ["From: give a date like 2026-03-29."] } });
    expect(parseListParams(schema, { after: id, before: id })).toMatchObject({ success: false, fieldErrors: { after: ["This link to a page of the list is broken."] } });
    expect(parseListParams(schema, { q: ["a", "b"] })).toEqual({ success: false, fieldErrors: { q: ["Give this filter once."] } });
  });

  it("writes a link that reads back as the same state, leaving empty filters out and the position last", () => {
    const href = listHref("/organize", { q: "Café & 1%", from: undefined, size: "10", after: "ignored" }, { after: id });
    expect(href).toBe(`/organize?q=Caf%C3%A9+%26+1%25&size=10&after=${id}`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseListParams(schema, params)).toEqual({ success: true, data: { q: "Café & 1%", size: "10", after: id } });
    expect(listHref("/organize", {})).toBe("/organize");
  });
});
