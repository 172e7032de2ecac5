import { z } from "zod";
import { onePosition, pageFields, param, textParam } from "@/lib/paging/params";

/*
 * The organizers' lists of hosts (/organize/hosts?q=…&persona=…&archived=…) and personas
 * (/organize/personas?q=…), each with size, after|before. No database code: the filter forms render from it.
 */

export const hostListSchema = z
  .object({
    q: textParam("The name search", 120),
    persona: param(z.uuid({ error: "Choose a persona from the list." })),
    archived: param(z.enum(["only"], { error: "Choose current or archived hosts." })),
    ...pageFields,
  })
  .refine(...onePosition);
export type HostListParams = z.output<typeof hostListSchema>;
export const hostFilters = ({ q, persona, archived, size }: Partial<HostListParams>) => ({ q, persona, archived, size });

export const personaListSchema = z.object({ q: textParam("The name search", 80), ...pageFields }).refine(...onePosition);
export type PersonaListParams = z.output<typeof personaListSchema>;
export const personaFilters = ({ q, size }: Partial<PersonaListParams>) => ({ q, size });

/** What a host's consents allow today, as the list shows it. */
export const consentStates = ["valid", "expired", "withdrawn", "none"] as const;
export type ConsentState = (typeof consentStates)[number];
export const consentStateLabels: Record<ConsentState, string> = {
  valid: "Valid consent",
  expired: "Expired",
  withdrawn: "Withdrawn",
  none: "No consent",
};
