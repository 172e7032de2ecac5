"use client";

import { useActionState, useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type RefObject } from "react";
import { empathyItems } from "@/lib/briefing/schema";
import { formValues, idleState, validateForm, type FieldErrors } from "@/lib/forms";
import { SelectField, TextArea, TextField } from "@/lib/ui/fields";
import { RadioGroup } from "@/lib/ui/radio-group";
import { RatingScale } from "@/lib/ui/rating-scale";
import { createReflectionAction, editReflectionAction, saveReflectionDraftAction } from "../actions";
import { rowCount } from "../form-values";
import { journeyStageOptions, momentKindOptions } from "../labels";
import {
  commitmentName,
  emotionOptions,
  empathyAfterName,
  empathyItemScale,
  latestDueOn,
  mapFields,
  maxCommitments,
  maxMoments,
  momentName,
  reflectionEditSchema,
  reflectionLimits,
  reflectionSchema,
  visibilityOptions,
} from "../schema";

const choose = { value: "", label: "Choose…" };
/** How long the form waits after the last keystroke before it saves the draft. */
const autosaveDelayMs = 1000;

export type ReflectionFormMode = { kind: "create"; participationId: string; draftSavedAt: string | null } | { kind: "edit"; reflectionId: string; keptDueOn: Record<string, string> };

type Props = {
  mode: ReflectionFormMode;
  /** The author's date in their own zone, computed on the server so both sides agree. */
  today: string;
  /** Where the form starts: a draft, a written reflection, or nothing. */
  initial: Record<string, string>;
  prediction: string | null;
  empathyBefore: number[] | null;
};

type DraftStatus = { state: "idle" | "saving" | "saved" | "error"; message: string };

/** Rows as stable keys, so removing one row keeps what was typed into the others. */
function useRows(initialCount: number) {
  const next = useRef(initialCount);
  const [keys, setKeys] = useState(() => Array.from({ length: initialCount }, (_, i) => i));
  return {
    keys,
    add: () => setKeys((current) => [...current, next.current++]),
    remove: (key: number) => setKeys((current) => current.filter((k) => k !== key)),
  };
}

/**
 * The reflection: What? (moments), So what? (empathy map, surprise, the empathy items again), Now what?
 * (commitments), and who may read it. Inputs are uncontrolled and named flat ("moments.0.body"); the
 * schema the server uses checks them in the browser first. A new reflection saves itself as a draft a
 * second after the author stops typing.
 */
export function ReflectionForm({ mode, today, initial, prediction, empathyBefore }: Props) {
  const schema = useMemo(() => (mode.kind === "create" ? reflectionSchema(today) : reflectionEditSchema(today, mode.keptDueOn)), [mode, today]);
  const [state, dispatch, pending] = useActionState(mode.kind === "create" ? createReflectionAction : editReflectionAction, idleState);
  const [, startTransition] = useTransition();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moments = useRows(Math.max(1, rowCount(initial, "moments")));
  const commitments = useRows(Math.max(1, rowCount(initial, "commitments")));
  // A stored reflection's commitments cannot be removed here: dropping one is done on its own page. A
  // draft's are not stored yet: those may go.
  const existingCommitments = mode.kind === "edit" ? rowCount(initial, "commitments") : 0;
  const draft = useDraft(mode, formRef);
  const serverErrors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const errors = clientErrors ?? serverErrors;
  const errorList = Object.entries(errors);

  // Adding or removing a row changes the draft as much as typing does.
  const rowsSignature = `${moments.keys.join(",")}|${commitments.keys.join(",")}`;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    draft.schedule();
  }, [rowsSignature]); // eslint-disable-line react-hooks/exhaustive-deps

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const result = validateForm(schema, formValues(formData));
    if (!result.success) {
      setClientErrors(result.fieldErrors);
      return;
    }
    setClientErrors(null);
    draft.cancel();
    // Dispatched by hand, not as the form's action: React would reset the form's fields after it.
    startTransition(() => dispatch(formData));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={mode.kind === "create" ? draft.schedule : undefined} noValidate className="flex flex-col gap-6">
      {errorList.length > 0 ? (
        <div role="alert" className="alert-error">
          <p className="font-medium">Some fields need your attention:</p>
          <ul className="mt-1 list-disc pl-5">
            {errorList.map(([name, messages]) => (
              <li key={name}>
                <a href={`#${anchorOf(name)}`} className="underline">
                  {messages.join(" ")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : state.status === "error" ? (
        <p role="alert" className="alert-error">
          {state.message}
        </p>
      ) : null}
      {mode.kind === "create" ? <input type="hidden" name="participationId" value={mode.participationId} /> : <input type="hidden" name="reflectionId" value={mode.reflectionId} />}

      <section className="card flex flex-col gap-4" aria-labelledby="what">
        <h2 id="what" className="text-lg font-semibold">
          What? The moments
        </h2>
        <p className="text-sm text-stone-600">Each moment that hurt (ouch) or delighted (aah) the customer, as it happened.</p>
        {errors.moments ? <p className="field-error" id="moments">{errors.moments.join(" ")}</p> : null}
        {moments.keys.map((key, index) => (
          <fieldset key={key} className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4">
            <legend className="px-1 font-medium">Moment {index + 1}</legend>
            <MomentFields index={index} initial={initial} initialIndex={key} errors={errors} />
            {moments.keys.length > 1 ? (
              <div>
                <button type="button" className="btn-secondary" onClick={() => moments.remove(key)}>
                  Remove moment {index + 1}
                </button>
              </div>
            ) : null}
          </fieldset>
        ))}
        {moments.keys.length < maxMoments ? (
          <div>
            <button type="button" className="btn-secondary" onClick={moments.add}>
              Add a moment
            </button>
          </div>
        ) : null}
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="so-what">
        <h2 id="so-what" className="text-lg font-semibold">
          So what? What it means
        </h2>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-medium">Empathy map: the customer…</legend>
          {mapFields.map((field) => (
            <TextArea key={field.name} name={field.name} label={field.label} maxLength={reflectionLimits.map} defaultValue={initial[field.name]} errors={errors[field.name]} />
          ))}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="field">
            <h3 className="field-label">Your prediction</h3>
            <p className="field-hint">What you expected to hear, from the briefing.</p>
            <p className="whitespace-pre-line rounded border border-stone-200 bg-stone-50 p-3 text-stone-800">{prediction || "You wrote no prediction in the briefing."}</p>
          </div>
          <TextArea
            name="surprise"
            label="What surprised you"
            hint="Beside your prediction: what was different?"
            maxLength={reflectionLimits.surprise}
            defaultValue={initial.surprise}
            errors={errors.surprise}
          />
        </div>
        <RatingScale
          name="surpriseScore"
          legend="How far reality differed from your prediction"
          min={1}
          max={5}
          lowLabel="as I predicted"
          highLabel="nothing like it"
          defaultValue={initial.surpriseScore}
          errors={errors.surpriseScore}
        />
        <h3 className="font-medium">The three statements again, after the safari</h3>
        <p className="text-sm text-stone-600">Rate all three or none; beside each, what you said before.</p>
        {empathyItems.map((item, index) => (
          <div key={item}>
            <RatingScale
              name={empathyAfterName(index)}
              legend={item}
              min={empathyItemScale.min}
              max={empathyItemScale.max}
              lowLabel="not at all"
              highLabel="completely"
              defaultValue={initial[empathyAfterName(index)]}
              errors={errors[empathyAfterName(index)]}
            />
            <p className="text-sm text-stone-600">Before: {empathyBefore?.[index] ?? "not rated"}</p>
          </div>
        ))}
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="now-what">
        <h2 id="now-what" className="text-lg font-semibold">
          Now what? Your commitments
        </h2>
        {errors.commitments ? <p className="field-error" id="commitments">{errors.commitments.join(" ")}</p> : null}
        {commitments.keys.map((key, index) => (
          <fieldset key={key} className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4">
            <legend className="px-1 font-medium">Commitment {index + 1}</legend>
            <CommitmentFields index={index} initialIndex={key} initial={initial} errors={errors} today={today} momentKeys={moments.keys} />
            {commitments.keys.length > 1 && key >= existingCommitments ? (
              <div>
                <button type="button" className="btn-secondary" onClick={() => commitments.remove(key)}>
                  Remove commitment {index + 1}
                </button>
              </div>
            ) : null}
          </fieldset>
        ))}
        {commitments.keys.length < maxCommitments ? (
          <div>
            <button type="button" className="btn-secondary" onClick={commitments.add}>
              Add a commitment
            </button>
          </div>
        ) : null}
      </section>

      <section className="card" aria-label="Who may read it">
        <RadioGroup name="visibility" legend="Who may read this reflection?" options={visibilityOptions} defaultValue={initial.visibility || "cx_team"} errors={errors.visibility} />
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving your reflection…" : mode.kind === "create" ? "Save reflection" : "Save changes"}
        </button>
        {mode.kind === "create" ? (
          <p role="status" aria-live="polite" className={draft.status.state === "error" ? "text-sm text-red-700" : "text-sm text-stone-600"}>
            {draft.status.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** Where a field error's link in the summary goes: the input itself, or a radio group's first button. */
function anchorOf(name: string): string {
  if (/\.(kind|intensity)$/.test(name) || name === "visibility" || name === "surpriseScore" || name.startsWith("empathyAfter.")) {
    const first = name.endsWith(".kind") ? "ouch" : name === "visibility" ? "private" : "1";
    return `${name}-${first}`;
  }
  return name;
}

/** The fields of one moment; `initialIndex` is the row it was in when the form loaded (its saved values). */
function MomentFields({ index, initialIndex, initial, errors }: { index: number; initialIndex: number; initial: Record<string, string>; errors: FieldErrors }) {
  const start = (field: Parameters<typeof momentName>[1]) => initial[momentName(initialIndex, field)];
  const name = (field: Parameters<typeof momentName>[1]) => momentName(index, field);
  return (
    <>
      {start("id") ? <input type="hidden" name={name("id")} value={start("id")} /> : null}
      <RadioGroup name={name("kind")} legend="Ouch or aah?" options={momentKindOptions} defaultValue={start("kind")} errors={errors[name("kind")]} />
      <TextArea name={name("body")} label="What happened" maxLength={reflectionLimits.momentBody} defaultValue={start("body")} errors={errors[name("body")]} />
      <TextArea
        name={name("quote")}
        label="In the customer's own words (optional)"
        hint="A sentence they said, word for word."
        maxLength={reflectionLimits.quote}
        defaultValue={start("quote")}
        errors={errors[name("quote")]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name={name("journeyStage")} label="Journey stage" options={[choose, ...journeyStageOptions]} defaultValue={start("journeyStage") ?? ""} errors={errors[name("journeyStage")]} />
        <SelectField name={name("emotion")} label="The emotion it stirred in you" options={[choose, ...emotionOptions]} defaultValue={start("emotion") ?? ""} errors={errors[name("emotion")]} />
      </div>
      <RatingScale name={name("intensity")} legend="How strongly you felt it" min={1} max={5} lowLabel="barely" highLabel="very strongly" defaultValue={start("intensity")} errors={errors[name("intensity")]} />
    </>
  );
}

function CommitmentFields({
  index,
  initialIndex,
  initial,
  errors,
  today,
  momentKeys,
}: {
  index: number;
  initialIndex: number;
  initial: Record<string, string>;
  errors: FieldErrors;
  today: string;
  momentKeys: number[];
}) {
  const start = (field: Parameters<typeof commitmentName>[1]) => initial[commitmentName(initialIndex, field)];
  const name = (field: Parameters<typeof commitmentName>[1]) => commitmentName(index, field);
  // Ticks are stored by the moment's position when the form loaded, which is its row key.
  const ticked = new Set((start("moments") ?? "").split(/\s+/).filter(Boolean));
  const linksName = name("moments");
  return (
    <>
      {start("id") ? <input type="hidden" name={name("id")} value={start("id")} /> : null}
      <TextArea name={name("body")} label="What I will change" hint="One concrete change, 5 to 500 characters." maxLength={reflectionLimits.commitment} defaultValue={start("body")} errors={errors[name("body")]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name={name("dueOn")}
          label="Done by"
          type="date"
          min={today}
          max={latestDueOn(today)}
          hint="From today up to one year ahead."
          defaultValue={start("dueOn")}
          errors={errors[name("dueOn")]}
        />
        <TextField name={name("helpers")} label="Who else is needed (optional)" maxLength={reflectionLimits.helpers} defaultValue={start("helpers")} errors={errors[name("helpers")]} />
      </div>
      <fieldset className="field" aria-describedby={errors[linksName]?.length ? `${linksName}-error` : undefined}>
        <legend className="field-label">Which moments it answers</legend>
        {errors[linksName]?.length ? (
          <p id={`${linksName}-error`} className="field-error">
            {errors[linksName].join(" ")}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3" id={linksName}>
          {momentKeys.map((momentKey, position) => (
            <label key={momentKey} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name={linksName} value={position} defaultChecked={ticked.has(String(momentKey))} className="accent-brand-600" />
              Answers moment {position + 1}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** Saves the form as a draft a second after the last change, and says so politely. */
function useDraft(mode: ReflectionFormMode, formRef: RefObject<HTMLFormElement | null>) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [status, setStatus] = useState<DraftStatus>(() =>
    mode.kind === "create" && mode.draftSavedAt ? { state: "saved", message: `Draft restored, saved at ${mode.draftSavedAt}` } : { state: "idle", message: "" },
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function save() {
    const form = formRef.current;
    if (!form || mode.kind !== "create") return;
    setStatus({ state: "saving", message: "Saving…" });
    const result = await saveReflectionDraftAction(idleState, new FormData(form));
    setStatus(
      result.status === "success"
        ? { state: "saved", message: result.message }
        : { state: "error", message: result.status === "error" ? `Draft not saved: ${result.message}` : "Draft not saved." },
    );
  }

  return {
    status,
    schedule: () => {
      if (mode.kind !== "create") return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), autosaveDelayMs);
    },
    cancel: () => {
      if (timer.current) clearTimeout(timer.current);
    },
  };
}
