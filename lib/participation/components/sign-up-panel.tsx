"use client";

import { useActionState, useState } from "react";
import { idleState, type ActionState } from "@/lib/forms";
import { ActionButton } from "@/lib/ui/action-form";
import { TextArea } from "@/lib/ui/fields";
import { FormStatus } from "@/lib/ui/form";
import {
  acceptInvitationAction,
  declineInvitationAction,
  joinWaitlistAction,
  leaveWaitlistAction,
  signUpAction,
  withdrawAction,
} from "../actions";
import { declineReasonMax } from "../schema";

type Options = { canSignUp: boolean; canWithdraw: boolean; canAnswer: boolean; canJoinWaitlist: boolean; canLeaveWaitlist: boolean };

/**
 * Everything an executive can do about their seat: sign up or withdraw, answer an invitation, join or
 * leave the waitlist. One panel, so the outcome of the last click stays on screen when the buttons change.
 */
export function SignUpPanel({ eventId, participationId, options }: { eventId: string; participationId: string | null; options: Options }) {
  const forms = {
    signUp: useActionState(signUpAction, idleState),
    withdraw: useActionState(withdrawAction, idleState),
    accept: useActionState(acceptInvitationAction, idleState),
    decline: useActionState(declineInvitationAction, idleState),
    join: useActionState(joinWaitlistAction, idleState),
    leave: useActionState(leaveWaitlistAction, idleState),
  };
  const [last, setLast] = useState<keyof typeof forms>("signUp");
  const state = (name: keyof typeof forms): ActionState => forms[name][0];
  const action = (name: keyof typeof forms) => forms[name][1];
  const onIt = participationId ? { participationId } : null;
  const declineErrors = state("decline").status === "error" ? (state("decline") as { fieldErrors?: Record<string, string[]> }).fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-3">
      <FormStatus state={state(last)} hasFieldErrors={last === "decline" && !!declineErrors?.reason} />
      {options.canSignUp ? (
        <form action={action("signUp")} onSubmit={() => setLast("signUp")}>
          <input type="hidden" name="eventId" value={eventId} />
          <ActionButton>Sign up</ActionButton>
        </form>
      ) : null}
      {options.canAnswer && onIt ? (
        <>
          <form action={action("accept")} onSubmit={() => setLast("accept")}>
            <input type="hidden" name="participationId" value={onIt.participationId} />
            <ActionButton>Accept invitation</ActionButton>
          </form>
          <form action={action("decline")} onSubmit={() => setLast("decline")} className="flex flex-col gap-2">
            <input type="hidden" name="participationId" value={onIt.participationId} />
            <TextArea
              name="reason"
              label="Reason for declining (optional)"
              hint="The CX team reads it; it helps them plan the next safari."
              rows={2}
              maxLength={declineReasonMax}
              errors={declineErrors?.reason}
            />
            <div>
              <ActionButton variant="secondary">Decline invitation</ActionButton>
            </div>
          </form>
        </>
      ) : null}
      {options.canJoinWaitlist ? (
        <form action={action("join")} onSubmit={() => setLast("join")}>
          <input type="hidden" name="eventId" value={eventId} />
          <ActionButton>Join the waitlist</ActionButton>
        </form>
      ) : null}
      {options.canLeaveWaitlist && onIt ? (
        <form action={action("leave")} onSubmit={() => setLast("leave")}>
          <input type="hidden" name="participationId" value={onIt.participationId} />
          <ActionButton variant="secondary">Leave the waitlist</ActionButton>
        </form>
      ) : null}
      {options.canWithdraw && onIt ? (
        <form action={action("withdraw")} onSubmit={() => setLast("withdraw")}>
          <input type="hidden" name="participationId" value={onIt.participationId} />
          <ActionButton variant="secondary">Withdraw</ActionButton>
        </form>
      ) : null}
    </div>
  );
}
