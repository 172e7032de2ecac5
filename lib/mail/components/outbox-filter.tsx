import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";

/** The outbox's filters as a plain GET form: the list's state lives in the URL. */
export function OutboxFilter({ values, errors }: { values: Record<string, string | undefined>; errors?: FieldErrors }) {
  return (
    <form method="get" action="/admin/mail" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the mails">
      <TextField name="to" label="Recipient contains" type="search" defaultValue={values.to ?? ""} errors={errors?.to} maxLength={100} />
      <SelectField
        name="via"
        label="Sent"
        defaultValue={values.via ?? ""}
        errors={errors?.via}
        options={[
          { value: "", label: "Either way" },
          { value: "smtp", label: "Through the SMTP server" },
          { value: "outbox", label: "Kept in the outbox only" },
        ]}
      />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/admin/mail" />
    </form>
  );
}
