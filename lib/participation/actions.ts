"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { acceptInvitation, declineInvitation, joinWaitlist, leaveWaitlist, markAttendance, signUp, withdraw } from "./mutations";
import {
  acceptInvitationSchema,
  attendanceSchema,
  declineInvitationSchema,
  joinWaitlistSchema,
  leaveWaitlistSchema,
  signUpSchema,
  withdrawSchema,
} from "./schema";
import { appNow } from "@/lib/time/clock";

function refresh(eventId: string) {
  revalidatePath("/safaris", "layout");
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
  revalidatePath("/inbox");
}

// The executive is always the signed-in user: an id from the form is never trusted for who signs up.
export const signUpAction = validatedAction("signUpAction", signUpSchema, async ({ eventId }, user) => {
  await signUp(eventId, user.id, appNow());
  refresh(eventId);
  return "You're going: your seat is confirmed.";
});

export const withdrawAction = validatedAction("withdrawAction", withdrawSchema, async ({ participationId }, user) => {
  const { eventId, late, lateWindowHours } = await withdraw(participationId, user.id, appNow());
  refresh(eventId);
  return late
    ? `You have withdrawn, less than ${lateWindowHours} hours before the start: the CX team sees it as a late withdrawal.`
    : "You have withdrawn: your seat is free for someone else.";
});

export const acceptInvitationAction = validatedAction("acceptInvitationAction", acceptInvitationSchema, async ({ participationId }, user) => {
  const { eventId } = await acceptInvitation(participationId, user.id, appNow());
  refresh(eventId);
  return "You're going: your seat is confirmed.";
});

export const declineInvitationAction = validatedAction("declineInvitationAction", declineInvitationSchema, async ({ participationId, reason }, user) => {
  const { eventId } = await declineInvitation(participationId, user.id, reason, appNow());
  refresh(eventId);
  return "You have declined: the seat goes to someone else. Thank you for letting us know.";
});

export const joinWaitlistAction = validatedAction("joinWaitlistAction", joinWaitlistSchema, async ({ eventId }, user) => {
  const outcome = await joinWaitlist(eventId, user.id, appNow());
  refresh(eventId);
  return outcome === "confirmed"
    ? "A seat had just come free: you're going, your seat is confirmed."
    : "You are on the waitlist. If a seat comes free, it is yours and we will tell you.";
});

export const leaveWaitlistAction = validatedAction("leaveWaitlistAction", leaveWaitlistSchema, async ({ participationId }, user) => {
  const { eventId } = await leaveWaitlist(participationId, user.id);
  refresh(eventId);
  return "You have left the waitlist.";
});

export const markAttendanceAction = validatedAction("markAttendanceAction", attendanceSchema, async ({ eventId, participationId, outcome }, user) => {
  await markAttendance(user.id, eventId, participationId, outcome, appNow());
  refresh(eventId);
  return outcome === "attended" ? "Marked attended." : "Marked no-show.";
});
