"use client";

import { useActionState, type FormEvent } from "react";
import { userRoles, type UserRole } from "@/db/enums";
import { idleState } from "@/lib/forms";
import { ActionButton } from "@/lib/ui/action-form";
import { FormStatus } from "@/lib/ui/form";
import { roleLabels } from "@/lib/ui/nav";
import { changeRoleAction, endAllSessionsAction } from "../actions";

type Person = { id: string; name: string; role: UserRole };

/** An admin's controls for one person: another role, or signing them out everywhere. */
export function PersonAccessControls({ person }: { person: Person }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <RoleForm person={person} />
      <EndSessionsForm person={person} />
    </div>
  );
}

function RoleForm({ person }: { person: Person }) {
  const [state, formAction] = useActionState(changeRoleAction, idleState);
  const selectId = `role-${person.id}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={person.id} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {person.name}
        </label>
        <select id={selectId} name="role" defaultValue={person.role} className="input w-auto py-1">
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        <ActionButton variant="secondary" label={`Change role of ${person.name}`}>
          Change role
        </ActionButton>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

function EndSessionsForm({ person }: { person: Person }) {
  const [state, formAction] = useActionState(endAllSessionsAction, idleState);
  function confirmFirst(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(`End all sessions of ${person.name}? They will have to sign in again on every device.`)) event.preventDefault();
  }
  return (
    <form action={formAction} onSubmit={confirmFirst} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={person.id} />
      <div>
        <ActionButton variant="danger" label={`End all sessions of ${person.name}`}>
          End all sessions
        </ActionButton>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
