import { z } from "zod";

export const signUpSchema = z.object({ eventId: z.uuid("Unknown safari.") });

export const withdrawSchema = z.object({ participationId: z.uuid("Unknown participation.") });

export const attendanceSchema = z.object({
  eventId: z.uuid("Unknown event."),
  participationId: z.uuid("Unknown participation."),
  outcome: z.enum(["attended", "no_show"], { error: "Choose attended or no-show." }),
});
