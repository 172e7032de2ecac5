import Link from "next/link";
import type { ActionState } from "@/lib/forms";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { addEventHostAction, addEventPersonaAction, removeEventHostAction, removeEventPersonaAction } from "../actions";
import { AddChoiceForm } from "./add-choice-form";

type Choice = { id: string; name: string };
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The customer hosts and personas of one event, and (while it has not started and is not cancelled) the
 * forms that change them. A published event takes only a host whose consent covers it.
 */
export function EventHostsSection({
  eventId,
  hosts,
  personas,
  hostChoices,
  personaChoices,
  changeable,
}: {
  eventId: string;
  hosts: (Choice & { persona: string | null })[];
  personas: Choice[];
  hostChoices: Choice[];
  personaChoices: Choice[];
  changeable: boolean;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <AttachedList
        eventId={eventId}
        heading="Customer hosts"
        field="hostId"
        items={hosts.map((host) => ({ ...host, href: `/organize/hosts/${host.id}`, note: host.persona }))}
        choices={hostChoices}
        changeable={changeable}
        add={{ action: addEventHostAction, label: "Add a customer host", button: "Add host" }}
        remove={{ action: removeEventHostAction, label: (name) => `Remove ${name}` }}
      />
      <AttachedList
        eventId={eventId}
        heading="Personas"
        field="personaId"
        items={personas}
        choices={personaChoices}
        changeable={changeable}
        add={{ action: addEventPersonaAction, label: "Add a persona", button: "Add persona" }}
        remove={{ action: removeEventPersonaAction, label: (name) => `Remove the persona ${name}` }}
      />
    </div>
  );
}

/** One list of what an event has (hosts or personas): each with a remove button, and a select to add one more. */
function AttachedList({
  eventId,
  heading,
  field,
  items,
  choices,
  changeable,
  add,
  remove,
}: {
  eventId: string;
  heading: string;
  field: string;
  items: (Choice & { href?: string; note?: string | null })[];
  choices: Choice[];
  changeable: boolean;
  add: { action: Action; label: string; button: string };
  remove: { action: Action; label: (name: string) => string };
}) {
  const attached = new Set(items.map((item) => item.id));
  const headingId = `event-${field}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 font-semibold">
        {heading}
      </h3>
      {items.length === 0 ? <p className="mb-3 text-sm text-stone-600">None yet.</p> : null}
      <ul className="mb-3 flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {item.href ? (
                <Link href={item.href} className="link">
                  {item.name}
                </Link>
              ) : (
                item.name
              )}
              {item.note ? <span className="text-sm text-stone-600"> · {item.note}</span> : null}
            </span>
            {changeable ? (
              <ActionForm action={remove.action} fields={{ eventId, [field]: item.id }}>
                <ActionButton variant="secondary" label={remove.label(item.name)}>
                  Remove
                </ActionButton>
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {changeable ? (
        <AddChoiceForm
          action={add.action}
          eventId={eventId}
          name={field}
          label={add.label}
          button={add.button}
          choices={choices.filter((choice) => !attached.has(choice.id))}
        />
      ) : null}
    </section>
  );
}
