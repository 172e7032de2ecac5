"use client";

import Link from "next/link";
import { typeOptions, type TypeChoice } from "@/lib/event-types/schema";
import { maxOccurrences } from "@/lib/events/recurrence";
import type { EventLimits } from "@/lib/events/rules";
import { timeZoneOptions } from "@/lib/time/zones";
import { SelectField, TextArea, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { RadioGroup } from "@/lib/ui/radio-group";
import { createSeriesAction } from "../actions";
import { seriesFormSchema } from "../schema";

export type SeriesFormValues = {
  type: string;
  title: string;
  briefing: string;
  location: string;
  seats: string;
  timeZone: string;
  firstDate: string;
  startTime: string;
  durationMinutes: string;
  everyWeeks: string;
  count: string;
  skipped: string;
};

const zoneOptions = timeZoneOptions();

const everyOptions = [
  { value: "1", label: "Every week" },
  { value: "2", label: "Every 2 weeks" },
  { value: "3", label: "Every 3 weeks" },
  { value: "4", label: "Every 4 weeks" },
];

const skippedOptions = [
  { value: "refuse", label: "Refuse the series", description: "Tell me which dates, so I can choose another time." },
  { value: "moveForward", label: "Move such a date", description: "It starts at the first minute after the clocks change." },
];

/** A series of draft safaris: the same wall-clock time in one zone, every N weeks. */
export function SeriesForm({ initial, limits, types }: { initial: SeriesFormValues; limits: EventLimits; types: TypeChoice[] }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(seriesFormSchema(limits, new Date(), types), createSeriesAction);
  const value = (name: keyof SeriesFormValues) => values[name] ?? initial[name];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <SelectField name="type" label="Type of safari" options={typeOptions(types, [])} defaultValue={value("type")} errors={errors.type} />
      <TextField name="title" label="Title" maxLength={120} defaultValue={value("title")} errors={errors.title} />
      <TextArea name="briefing" label="Briefing" maxLength={5000} rows={5} defaultValue={value("briefing")} errors={errors.briefing} />
      <TextField name="location" label="Place" maxLength={300} defaultValue={value("location")} errors={errors.location} />
      <TextField
        name="seats"
        label="Seats for executives"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        defaultValue={value("seats")}
        errors={errors.seats}
        className="input sm:max-w-40"
      />
      <SelectField
        name="timeZone"
        label="Time zone"
        hint="Every date starts at the same local time in this zone, also across a change of the clocks."
        options={zoneOptions}
        defaultValue={value("timeZone")}
        errors={errors.timeZone}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="firstDate" label="First date" type="date" defaultValue={value("firstDate")} errors={errors.firstDate} />
        <TextField name="startTime" label="Start time" type="time" defaultValue={value("startTime")} errors={errors.startTime} />
        <TextField
          name="durationMinutes"
          label="Duration in minutes"
          type="number"
          inputMode="numeric"
          min={15}
          max={720}
          defaultValue={value("durationMinutes")}
          errors={errors.durationMinutes}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="everyWeeks" label="Repeat" options={everyOptions} defaultValue={value("everyWeeks")} errors={errors.everyWeeks} />
        <TextField
          name="count"
          label="Number of dates"
          hint={`At most ${maxOccurrences}.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxOccurrences}
          defaultValue={value("count")}
          errors={errors.count}
        />
      </div>
      <RadioGroup name="skipped" legend="When the start time does not exist on a date (the clocks go forward)" options={skippedOptions} defaultValue={value("skipped")} errors={errors.skipped} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Creating…">Create drafts</SubmitButton>
        <Link href="/organize" className="link">
          Back without saving
        </Link>
      </div>
    </form>
  );
}
