"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { markAttendance, signUp, withdraw } from "./mutations";
import { lateWithdrawalHours } from "./rules";
import { attendanceSchema, signUpSchema, withdrawSchema } from "./schema";

function refresh(eventId: string) {
  revalidatePath("/safaris", "layout");
  revalidatePath("/organize");
  revalidatePath(`/organize/events/${eventId}`);
}

// The executive is always the signed-in user: an id from the form is never trusted for who signs up.
export const signUpAction = validatedAction("signUpAction", signUpSchema, async ({ eventId }, user) => {
  await signUp(eventId, user.id, new Date());
  refresh(eventId);
  return "You're going: your seat is confirmed.";
});

export const withdrawAction = validatedAction("withdrawAction", withdrawSchema, async ({ participationId }, user) => {
  const { eventId, late } = await withdraw(participationId, user.id, new Date());
  refresh(eventId);
  return late
    ? `You have withdrawn, less than ${lateWithdrawalHours} hours before the start: the CX team sees it as a late withdrawal.`
    : "You have withdrawn: your seat is free for someone else.";
});

export const markAttendanceAction = validatedAction("markAttendanceAction", attendanceSchema, async ({ eventId, participationId, outcome }, user) => {
  await markAttendance(user.id, eventId, participationId, outcome, new Date());
  refresh(eventId);
  return outcome === "attended" ? "Marked attended." : "Marked no-show.";
});
