import { z } from "zod";

export const signUpSchema = z.object({ eventId: z.uuid("Unknown safari.") });

export const withdrawSchema = z.object({ participationId: z.uuid("Unknown participation.") });

export const attendanceSchema = z.object({
  eventId: z.uuid("Unknown event."),
  participationId: z.uuid("Unknown participation."),
  outcome: z.enum(["attended", "no_show"], { error: "Choose attended or no-show." }),
});

export const acceptInvitationSchema = z.object({ participationId: z.uuid("Unknown invitation.") });

export const declineReasonMax = 500;
export const declineInvitationSchema = z.object({
  participationId: z.uuid("Unknown invitation."),
  reason: z
    .string()
    .trim()
    .max(declineReasonMax, `Keep the reason under ${declineReasonMax} characters.`)
    .optional()
    .transform((reason) => (reason ? reason : null)),
});

export const joinWaitlistSchema = z.object({ eventId: z.uuid("Unknown safari.") });

export const leaveWaitlistSchema = z.object({ participationId: z.uuid("Unknown participation.") });
