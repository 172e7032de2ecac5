"use client";

import { useActionState, useState } from "react";
import { idleState } from "@/lib/forms";
import { ActionButton } from "@/lib/ui/action-form";
import { FormStatus } from "@/lib/ui/form";
import { signUpAction, withdrawAction } from "../actions";

/**
 * Sign up or withdraw. One panel for both, so the outcome of the last click stays on screen
 * when the button changes from one to the other.
 */
export function SignUpPanel({
  eventId,
  participationId,
  canSignUp,
  canWithdraw,
}: {
  eventId: string;
  participationId: string | null;
  canSignUp: boolean;
  canWithdraw: boolean;
}) {
  const [signUpState, signUpFormAction] = useActionState(signUpAction, idleState);
  const [withdrawState, withdrawFormAction] = useActionState(withdrawAction, idleState);
  const [last, setLast] = useState<"signUp" | "withdraw">("signUp");
  return (
    <div className="flex flex-col gap-3">
      <FormStatus state={last === "signUp" ? signUpState : withdrawState} />
      {canSignUp ? (
        <form action={signUpFormAction} onSubmit={() => setLast("signUp")}>
          <input type="hidden" name="eventId" value={eventId} />
          <ActionButton>Sign up</ActionButton>
        </form>
      ) : null}
      {canWithdraw && participationId ? (
        <form action={withdrawFormAction} onSubmit={() => setLast("withdraw")}>
          <input type="hidden" name="participationId" value={participationId} />
          <ActionButton variant="secondary">Withdraw</ActionButton>
        </form>
      ) : null}
    </div>
  );
}
