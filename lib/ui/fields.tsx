import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { name: string; label: string; errors?: string[]; hint?: ReactNode };

/** What ties a control to its label, hint and error message, for every kind of field alike. */
function controlProps({ name, errors, hint }: Common) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return { id: name, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
}

function FieldShell({ name, label, errors, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${name}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ name, label, errors, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint}>
      <input {...controlProps({ name, label, errors, hint })} className="input" {...props} />
    </FieldShell>
  );
}

export function TextArea({ name, label, errors, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint}>
      <textarea {...controlProps({ name, label, errors, hint })} className="input min-h-24" {...props} />
    </FieldShell>
  );
}

/** One choice of a select. */
export type SelectOption = { value: string; label: string };

export function SelectField({
  name,
  label,
  errors,
  hint,
  options,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[] }) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint}>
      <select {...controlProps({ name, label, errors, hint })} className="input" {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
