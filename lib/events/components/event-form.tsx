"use client";

import Link from "next/link";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { SelectField, TextArea, TextField } from "@/lib/ui/fields";
import { timeZoneOptions } from "@/lib/time/zones";
import { createEventAction, updateEventAction } from "../actions";
import type { EventLimits } from "../rules";
import { typeOptions, type TypeChoice } from "@/lib/event-types/schema";
import { eventEditSchema, eventFormSchema } from "../schema";

export type EventFormValues = {
  type: string;
  title: string;
  briefing: string;
  location: string;
  start: string;
  end: string;
  timeZone: string;
  seats: string;
  videoUrl: string;
  meetingContact: string;
  frontlineName: string;
  frontlineRole: string;
};

const zoneOptions = timeZoneOptions();

/**
 * Creates an event (no `eventId`) or edits one; start and end are wall-clock times in the chosen zone.
 * `limits` are the server's, so the browser refuses what the server would.
 */
export function EventForm({
  initial,
  eventId,
  cancelHref,
  limits,
  types,
}: {
  initial: EventFormValues;
  eventId?: string;
  cancelHref: string;
  limits: EventLimits;
  /** The catalogue: the choices, and each type's seat limit. */
  types: TypeChoice[];
}) {
  // "Now" as of this render: close enough for instant feedback; the server judges again on submit.
  const now = new Date();
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    eventId ? eventEditSchema(limits, now, types, initial.type) : eventFormSchema(limits, now, types),
    eventId ? updateEventAction : createEventAction,
  );
  const value = (name: keyof EventFormValues) => values[name] ?? initial[name];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
      <SelectField name="type" label="Type of safari" options={typeOptions(types, eventId ? [initial.type] : [])} defaultValue={value("type")} errors={errors.type} />
      <TextField name="title" label="Title" maxLength={120} defaultValue={value("title")} errors={errors.title} />
      <TextArea
        name="briefing"
        label="Briefing"
        hint="What executives should know beforehand: observe, don't interrupt, ask only at the end."
        maxLength={5000}
        rows={6}
        defaultValue={value("briefing")}
        errors={errors.briefing}
      />
      <TextField name="location" label="Place" maxLength={300} defaultValue={value("location")} errors={errors.location} />
      <TextField
        name="videoUrl"
        label="Video link"
        hint="For a safari held online: a link that starts with https://."
        type="url"
        maxLength={500}
        defaultValue={value("videoUrl")}
        errors={errors.videoUrl}
      />
      <TextField
        name="meetingContact"
        label="Who meets the executives"
        hint="For example “Anna Weber at the service desk, ground floor”."
        maxLength={200}
        defaultValue={value("meetingContact")}
        errors={errors.meetingContact}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="frontlineName"
          label="Frontline colleague"
          hint="Who hosts a service-desk day or a call session."
          maxLength={120}
          defaultValue={value("frontlineName")}
          errors={errors.frontlineName}
        />
        <TextField name="frontlineRole" label="Their role" maxLength={120} defaultValue={value("frontlineRole")} errors={errors.frontlineRole} />
      </div>
      <SelectField
        name="timeZone"
        label="Time zone"
        hint="Start and end are the local times in this zone."
        options={zoneOptions}
        defaultValue={value("timeZone")}
        errors={errors.timeZone}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="start" label="Start" type="datetime-local" defaultValue={value("start")} errors={errors.start} />
        <TextField name="end" label="End" type="datetime-local" defaultValue={value("end")} errors={errors.end} />
      </div>
      <TextField
        name="seats"
        label="Seats for executives"
        hint="Often 1: one leader, one customer."
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        defaultValue={value("seats")}
        errors={errors.seats}
        className="input sm:max-w-40"
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{eventId ? "Save changes" : "Create draft"}</SubmitButton>
        <Link href={cancelHref} className="link">
          Back without saving
        </Link>
      </div>
    </form>
  );
}
