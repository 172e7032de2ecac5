import { z } from "zod";
import { seniorities, userRoles } from "@/db/enums";
import { onePosition, pageFields, param, textParam } from "@/lib/paging/params";

/*
 * The lists of people as their URLs hold them: the admin's accounts (/people?role=…&q=…) and the
 * organizers' executives (/organize/executives?department=…&seniority=…&q=…), each with size, after|before.
 * No database code: the filter forms render from it too.
 */

const search = textParam("The search", 120);

export const peopleListSchema = z
  .object({ role: param(z.enum(userRoles, { error: "Choose a role from the list." })), q: search, ...pageFields })
  .refine(...onePosition);
export type PeopleListParams = z.output<typeof peopleListSchema>;
export const peopleFilters = ({ role, q, size }: Partial<PeopleListParams>) => ({ role, q, size });

export const executiveListSchema = z
  .object({
    department: textParam("The department", 80),
    seniority: param(z.enum(seniorities, { error: "Choose a seniority from the list." })),
    q: search,
    ...pageFields,
  })
  .refine(...onePosition);
export type ExecutiveListParams = z.output<typeof executiveListSchema>;
export const executiveFilters = ({ department, seniority, q, size }: Partial<ExecutiveListParams>) => ({ department, seniority, q, size });
