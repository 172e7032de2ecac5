"use client";

import { useState } from "react";
import { typeOptions, type TypeChoice } from "@/lib/event-types/schema";
import { SelectField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { timeZoneOptions } from "@/lib/time/zones";
import { saveOwnProfileAction } from "../actions";
import { languageCodes, languageLabel } from "../languages";
import { blackoutField, maxBlackouts, ownProfileSchema } from "../schema";
import { CheckboxGroup } from "./checkbox-group";

export type OwnProfileValues = {
  timeZone: string;
  languages: string[];
  preferredTypes: string[];
  /** Wall-clock times (datetime-local values) in `timeZone`. */
  blackouts: { start: string; end: string }[];
};

const zoneOptions = timeZoneOptions();
const languageOptions = languageCodes.map((code) => ({ value: code, label: languageLabel(code) }));

/** The executive's own profile. It names no user: the server saves the signed-in executive's. */
export function OwnProfileForm({ initial, types }: { initial: OwnProfileValues; types: TypeChoice[] }) {
  // "Now" as of this render: close enough for instant feedback; the server judges again on submit.
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    ownProfileSchema(
      new Date(),
      types.map((type) => type.key),
    ),
    saveOwnProfileAction,
  );

  const failed = state.status === "error";
  const list = (name: "languages" | "preferredTypes") => (failed ? (values[name] ?? "").split("\n").filter(Boolean) : initial[name]);
  const blackouts = failed ? rowsOf(values.blackoutStart, values.blackoutEnd) : initial.blackouts;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <SelectField
        name="timeZone"
        label="Time zone"
        hint="Times are shown to you in this zone, and your blackout periods below are read in it."
        options={zoneOptions}
        defaultValue={failed ? values.timeZone : initial.timeZone}
        errors={errors.timeZone}
      />
      <CheckboxGroup name="languages" legend="Languages you can follow a customer in" options={languageOptions} defaultValues={list("languages")} errors={errors.languages} />
      <CheckboxGroup
        name="preferredTypes"
        legend="Safari types you prefer"
        hint="The CX team proposes these first; you may still be asked to others."
        // Types no longer offered stay ticked where the executive chose them before.
        options={typeOptions(types, initial.preferredTypes)}
        defaultValues={list("preferredTypes")}
        errors={errors.preferredTypes}
      />
      <BlackoutRows initial={blackouts} errors={errors} />
      <div>
        <SubmitButton>Save profile</SubmitButton>
      </div>
    </form>
  );
}

function rowsOf(starts = "", ends = ""): { start: string; end: string }[] {
  const s = starts ? starts.split("\n") : [];
  const e = ends ? ends.split("\n") : [];
  return Array.from({ length: Math.max(s.length, e.length) }, (_, i) => ({ start: s[i] ?? "", end: e[i] ?? "" }));
}

let nextRowKey = 0;

/** Any number of periods, added and removed in the browser; the whole list is saved with the form. */
function BlackoutRows({ initial, errors }: { initial: { start: string; end: string }[]; errors: Record<string, string[] | undefined> }) {
  const [rows, setRows] = useState(() => initial.map((row) => ({ ...row, key: nextRowKey++ })));
  return (
    <fieldset className="field" aria-describedby={errors.blackouts?.length ? "blackouts-error" : "blackouts-hint"}>
      <legend className="field-label mb-1">Blackout periods</legend>
      <p id="blackouts-hint" className="field-hint">
        Times you cannot take part (holidays, board weeks), as local times in your time zone. Periods that are over are not shown.
      </p>
      {rows.length === 0 ? <p className="text-sm text-stone-600">No blackout periods.</p> : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const n = index + 1;
          const field = blackoutField(index);
          const rowErrors = errors[field];
          const describedBy = rowErrors?.length ? `${field}-error` : undefined;
          return (
            <li key={row.key} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-end gap-3">
                <div className="flex flex-col">
                  <label htmlFor={`${field}-start`} className="text-sm">
                    Start of blackout {n}
                  </label>
                  <input
                    id={`${field}-start`}
                    name="blackoutStart"
                    type="datetime-local"
                    defaultValue={row.start}
                    aria-invalid={rowErrors?.length ? true : undefined}
                    aria-describedby={describedBy}
                    className="input w-auto"
                  />
                </div>
                <div className="flex flex-col">
                  <label htmlFor={`${field}-end`} className="text-sm">
                    End of blackout {n}
                  </label>
                  <input
                    id={`${field}-end`}
                    name="blackoutEnd"
                    type="datetime-local"
                    defaultValue={row.end}
                    aria-invalid={rowErrors?.length ? true : undefined}
                    aria-describedby={describedBy}
                    className="input w-auto"
                  />
                </div>
                <button type="button" className="btn-secondary" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                  Remove blackout {n}
                </button>
              </div>
              {rowErrors?.length ? (
                <p id={describedBy} className="field-error">
                  {rowErrors.join(" ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {errors.blackouts?.length ? (
        <p id="blackouts-error" className="field-error">
          {errors.blackouts.join(" ")}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className="btn-secondary"
          disabled={rows.length >= maxBlackouts}
          onClick={() => setRows([...rows, { start: "", end: "", key: nextRowKey++ }])}
        >
          Add a blackout period
        </button>
      </div>
    </fieldset>
  );
}
