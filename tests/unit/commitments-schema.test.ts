import { describe, expect, it } from "vitest";
import { closeLoopSchema, isOverdue, nextStatuses, updateCommitmentSchema, updateProblem } from "@/lib/commitments/schema";
import { myCommitmentListSchema, sharedCommitmentListSchema } from "@/lib/commitments/list";
import { validateForm } from "@/lib/forms";

const id = "6f1c1c3e-8d2a-4c59-9a7e-2f0d3b1a5c11";

describe("a commitment's status", () => {
  it("goes forward, to done or dropped, never back nor out of a settled state", () => {
    expect(nextStatuses("open")).toEqual(["in_progress", "done", "dropped"]);
    expect(nextStatuses("in_progress")).toEqual(["done", "dropped"]);
    expect(nextStatuses("done")).toEqual([]);
    expect(nextStatuses("dropped")).toEqual([]);
    expect(updateProblem("in_progress", "open", "")).toMatch(/cannot go back/);
    expect(updateProblem("done", "in_progress", "")).toMatch(/stays as it is/);
  });

  it("takes a note alone, but not an update with neither status nor note", () => {
    expect(updateProblem("done", undefined, "Rolled out")).toBeNull();
    expect(updateProblem("open", "open", "")).toMatch(/Choose a new status or write a progress note/);
    expect(updateProblem("open", undefined, "")).not.toBeNull();
  });

  it("is overdue while still to keep and due before today, in progress included", () => {
    expect(isOverdue({ status: "in_progress", dueOn: "2026-06-14" }, "2026-06-15")).toBe(true);
    expect(isOverdue({ status: "open", dueOn: "2026-06-15" }, "2026-06-15")).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2026-01-01" }, "2026-06-15")).toBe(false);
    expect(isOverdue({ status: "dropped", dueOn: "2026-01-01" }, "2026-06-15")).toBe(false);
  });
});

describe("the forms", () => {
  it("read an empty status as a note alone and refuse an unknown one or a long note", () => {
    expect(updateCommitmentSchema.parse({ commitmentId: id, status: "", note: "  Started  " })).toEqual({ commitmentId: id, status: undefined, note: "Started" });
    const empty = validateForm(updateCommitmentSchema, { commitmentId: id, status: "", note: "  " });
    expect(empty.success ? {} : empty.fieldErrors).toEqual({ note: ["Choose a new status or write a progress note."] });
    const bad = validateForm(updateCommitmentSchema, { commitmentId: id, status: "forgotten", note: "x".repeat(2001) });
    expect(bad.success ? {} : Object.keys(bad.fieldErrors).sort()).toEqual(["note", "status"]);
  });

  it("require what was done to close a loop, with the checkboxes as booleans", () => {
    expect(closeLoopSchema.parse({ commitmentId: id, note: "We fixed the IVR", customerTold: "on" })).toEqual({
      commitmentId: id,
      note: "We fixed the IVR",
      customerTold: true,
      frontlineTold: false,
    });
    const bad = validateForm(closeLoopSchema, { commitmentId: "nope", note: " ", frontlineTold: "yes" });
    expect(bad.success ? {} : Object.keys(bad.fieldErrors).sort()).toEqual(["commitmentId", "frontlineTold", "note"]);
  });

  it("list filters take overdue as a status and refuse anything else", () => {
    expect(myCommitmentListSchema.safeParse({ status: "overdue" }).success).toBe(true);
    expect(myCommitmentListSchema.safeParse({ status: "late" }).success).toBe(false);
    expect(sharedCommitmentListSchema.safeParse({ q: "a".repeat(121) }).success).toBe(false);
    expect(sharedCommitmentListSchema.safeParse({ department: "Sales", status: "in_progress" }).success).toBe(true);
  });
});
