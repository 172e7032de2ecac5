import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { canReadReflection } from "@/lib/reflections/access";

const author = { id: "author", role: "executive" as UserRole };
const reader = (role: UserRole) => ({ id: `someone-${role}`, role });

describe("who may read a reflection", () => {
  it.each(["private", "cx_team", "anonymised"] as const)("its author always (%s)", (visibility) => {
    expect(canReadReflection(author, { authorId: author.id, visibility })).toBe(true);
  });

  it("the CX team only when it was shared with them", () => {
    expect(canReadReflection(reader("organizer"), { authorId: author.id, visibility: "cx_team" })).toBe(true);
    expect(canReadReflection(reader("organizer"), { authorId: author.id, visibility: "private" })).toBe(false);
    expect(canReadReflection(reader("organizer"), { authorId: author.id, visibility: "anonymised" })).toBe(false);
  });

  it.each(["executive", "reviewer", "admin"] as const)("never another %s, whatever the visibility", (role) => {
    for (const visibility of ["private", "cx_team", "anonymised"] as const) {
      expect(canReadReflection(reader(role), { authorId: author.id, visibility })).toBe(false);
    }
  });
});
