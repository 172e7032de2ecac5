/** A labelled group of radio buttons, each with an optional one-line description, and the group's errors. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string; description?: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="field" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="field-label mb-1">{legend}</legend>
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2 rounded-lg border border-stone-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={option.value === defaultValue}
                aria-describedby={option.description ? `${id}-description` : undefined}
                className="mt-1 accent-brand-600"
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-stone-900">
                  {option.label}
                </label>
                {option.description ? (
                  <p id={`${id}-description`} className="text-xs text-stone-600">
                    {option.description}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
