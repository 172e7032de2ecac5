import type { Quarter } from "../summary";

/** A plain GET form, so a quarter is a shareable URL (?quarter=2026-Q3) and works without JavaScript. */
export function QuarterPicker({ quarters, selected }: { quarters: Quarter[]; selected: string }) {
  return (
    <form method="get" action="/summary" className="flex items-end gap-2">
      <div className="field">
        <label htmlFor="quarter" className="field-label">
          Choose a quarter
        </label>
        <select id="quarter" name="quarter" defaultValue={selected} className="input">
          {quarters.map((quarter) => (
            <option key={quarter.key} value={quarter.key}>
              {quarter.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        Show
      </button>
    </form>
  );
}
