/** A labelled group of checkboxes sharing one name: the form sends each ticked value. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  defaultValues,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  defaultValues: readonly string[];
  errors?: string[];
}) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="field-label mb-1">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-3">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="flex items-center gap-2">
              <input id={id} type="checkbox" name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} className="accent-brand-600" />
              <label htmlFor={id} className="text-sm text-stone-900">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      {errors?.length ? (
        <p id={`${name}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
