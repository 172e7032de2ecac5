import { z } from "zod";
import { userRoles } from "@/db/enums";

export const changeRoleSchema = z.object({
  userId: z.uuid("Choose a person."),
  role: z.enum(userRoles, "Choose a role."),
});

export const endAllSessionsSchema = z.object({
  userId: z.uuid("Choose a person."),
});
