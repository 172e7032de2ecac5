import { z } from "zod";
import { commitmentStatuses } from "@/db/enums";
import { onePosition, pageFields, param, textParam } from "@/lib/paging/params";
import { commitmentStatusLabels } from "./schema";

/*
 * The lists of commitments as their URLs hold them: the executive's own (/commitments?status=…) and the
 * organizers' shared ones (/organize/commitments?status=…&q=…&department=…), each with size, after|before.
 * No database code: the filter forms render from it.
 */

export const commitmentFilterStatuses = [...commitmentStatuses, "overdue"] as const;
export type CommitmentFilterStatus = (typeof commitmentFilterStatuses)[number];
export const commitmentFilterOptions = commitmentFilterStatuses.map((value) => ({
  value,
  label: value === "overdue" ? "Overdue (open or in progress, past due)" : commitmentStatusLabels[value],
}));

const status = param(z.enum(commitmentFilterStatuses, { error: "Choose a status from the list." }));

export const myCommitmentListSchema = z.object({ status, ...pageFields }).refine(...onePosition);
export type MyCommitmentListParams = z.output<typeof myCommitmentListSchema>;
export const myCommitmentFilters = ({ status, size }: Partial<MyCommitmentListParams>) => ({ status, size });

export const sharedCommitmentListSchema = z
  .object({ status, q: textParam("The search", 120), department: textParam("The department", 80), ...pageFields })
  .refine(...onePosition);
export type SharedCommitmentListParams = z.output<typeof sharedCommitmentListSchema>;
export const sharedCommitmentFilters = ({ status, q, department, size }: Partial<SharedCommitmentListParams>) => ({ status, q, department, size });
