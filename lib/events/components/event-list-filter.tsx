import { eventStatuses } from "@/db/enums";
import type { FieldErrors } from "@/lib/forms";
import { listHref } from "@/lib/paging/params";
import { SelectField, TextField, type SelectOption } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import { eventListFilters, type EventListParams } from "../list";
import { eventStatusLabels } from "../schema";

/**
 * Upcoming and past as two tabs (links), and a plain GET form for the rest: the list's state lives in the
 * URL, so a view can be shared and reloaded, and it works without JavaScript. A new filter starts again at
 * the first page.
 */
export function EventListFilter({
  values,
  errors,
  typeOptions,
}: {
  values: Partial<Record<keyof EventListParams, string>>;
  errors?: FieldErrors;
  /** Every type, archived ones too: past events keep theirs. */
  typeOptions: SelectOption[];
}) {
  const when = values.when === "past" ? "past" : "upcoming";
  const tab = (name: "upcoming" | "past", label: string) => (
    <a
      href={listHref("/organize", { ...eventListFilters(values as Partial<EventListParams>), when: name === "upcoming" ? undefined : name })}
      aria-current={when === name ? "page" : undefined}
      className={when === name ? "btn-primary" : "btn-secondary"}
    >
      {label}
    </a>
  );
  return (
    <>
      <nav aria-label="Upcoming or past events" className="mb-4 flex gap-2">
        {tab("upcoming", "Upcoming")}
        {tab("past", "Past")}
      </nav>
      <form method="get" action="/organize" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the events">
        {when === "past" ? <input type="hidden" name="when" value="past" /> : null}
        <TextField name="q" label="Title contains" type="search" defaultValue={values.q ?? ""} errors={errors?.q} maxLength={120} />
        <SelectField
          name="status"
          label="Status"
          defaultValue={values.status ?? ""}
          errors={errors?.status}
          options={[{ value: "", label: "Any status" }, ...eventStatuses.map((status) => ({ value: status, label: eventStatusLabels[status] }))]}
        />
        <SelectField name="type" label="Type" defaultValue={values.type ?? ""} errors={errors?.type} options={[{ value: "", label: "Any type" }, ...typeOptions]} />
        <TextField name="from" label="Starting from" type="date" defaultValue={values.from ?? ""} errors={errors?.from} />
        <TextField name="to" label="Starting until" type="date" defaultValue={values.to ?? ""} errors={errors?.to} />
        <PageSizeField value={values.size} errors={errors} />
        <FilterActions clearHref={when === "past" ? "/organize?when=past" : "/organize"} />
      </form>
    </>
  );
}
