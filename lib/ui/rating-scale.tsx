/**
 * A rating from `min` to `max` as a row of radio buttons: a fieldset whose legend is the statement rated,
 * each button labelled by its number, the ends named for screen readers and sighted readers alike.
 */
export function RatingScale({
  name,
  legend,
  min,
  max,
  lowLabel,
  highLabel,
  defaultValue,
  errors,
}: {
  name: string;
  legend: string;
  min: number;
  max: number;
  lowLabel: string;
  highLabel: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <fieldset className="field" aria-describedby={[hintId, errors?.length ? errorId : null].filter(Boolean).join(" ")}>
      <legend className="field-label mb-1">{legend}</legend>
      <p id={hintId} className="field-hint">
        {min} = {lowLabel}, {max} = {highLabel}
      </p>
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {values.map((value) => {
          const id = `${name}-${value}`;
          return (
            <label key={value} htmlFor={id} className="flex items-center gap-1 rounded border border-stone-200 px-2 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
              <input id={id} type="radio" name={name} value={value} defaultChecked={value === defaultValue} className="accent-brand-600" />
              {value}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
