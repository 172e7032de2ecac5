import Link from "next/link";
import { TextField } from "@/lib/ui/fields";
import type { FieldErrors } from "@/lib/forms";

/** A plain GET form: the period lives in the URL, and the list of safaris below follows it. */
export function PeriodForm({ from, to, zone, errors }: { from: string; to: string; zone: string; errors?: FieldErrors }) {
  return (
    <form method="get" action="/organize/match" className="card mb-6 grid gap-4 sm:grid-cols-3" aria-label="Choose the period to match">
      <TextField name="from" label="First day" type="date" defaultValue={from} errors={errors?.from} hint={`Counted in ${zone}.`} />
      <TextField name="to" label="Last day" type="date" defaultValue={to} errors={errors?.to} />
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-secondary">
          Show safaris
        </button>
        <Link href="/organize/match" className="btn-secondary">
          Rest of this quarter
        </Link>
      </div>
    </form>
  );
}
