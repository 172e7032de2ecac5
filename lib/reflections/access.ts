import type { Reflection, UserRole } from "@/db/schema";

/**
 * Who may read a reflection: its author always; the CX team (organizers) when the author shared it
 * with them. Nobody else — not other executives, reviewers or admins — and nobody reads a private
 * or anonymised one: those reach others only as counts in the summary.
 */
export function canReadReflection(
  reader: { id: string; role: UserRole },
  reflection: Pick<Reflection, "authorId" | "visibility">,
): boolean {
  if (reader.id === reflection.authorId) return true;
  return reader.role === "organizer" && reflection.visibility === "cx_team";
}
