import type { ReactNode } from "react";
import { lastContactLabel } from "@/lib/cadence/schema";
import { minGroupSize, notShownText, type Guarded } from "@/lib/privacy/small-groups";
import { Card, EmptyState } from "@/lib/ui/page";
import { formatHours, formatOutOfFive, formatShift, noProfileLabel, topThemeCount, type Average, type EngagementSummary, type GroupTable } from "../summary";

// Tighter cells on phones, so four columns fit without scrolling.
const tableClass = "table [&_td]:px-2 [&_th]:px-2 sm:[&_td]:px-3 sm:[&_th]:px-3";

/** A figure, or in its place the reason it is not shown. */
function shown<T>(figure: Guarded<T>, format: (value: T) => string): string {
  return figure.shown ? format(figure.value) : notShownText;
}

export function EngagementSummaryView({ summary, quarterLabel, notOutYet }: { summary: EngagementSummary; quarterLabel: string; notOutYet: ReactNode }) {
  const { commitments, executives } = summary;
  return (
    <div className="flex flex-col gap-6">
      <section className="card" aria-labelledby="contact-share">
        <h2 id="contact-share" className="text-sm font-medium text-stone-600">
          Executives with customer contact
        </h2>
        <p className="mt-1 text-2xl font-semibold text-stone-900">{shown(executives, (value) => value.label)}</p>
        {executives.shown ? (
          <progress
            value={executives.value.withContact}
            max={Math.max(executives.value.total, 1)}
            aria-labelledby="contact-share"
            className="mt-3 h-2 w-full overflow-hidden rounded-full bg-stone-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-600"
          />
        ) : null}
        <p className="mt-2 text-sm text-stone-600">At least one attended safari in {quarterLabel}. Target: every leader, every quarter.</p>
      </section>

      <dl className="grid gap-4 sm:grid-cols-2">
        <Figure term="Hours of exposure" value={shown(summary.hours, formatHours)} note="Total length of the safaris they attended." />
        <Figure term="Reflections written" value={shown(summary.reflections, String)} note={`On safaris of ${quarterLabel}.`} />
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Emotions reported">
          {summary.emotions.rows.length ? (
            <BreakdownTable
              caption={`Intensity from 1 to 5. From reflections shared with the CX team or for the anonymised summary; private ones are not counted. Emotions reported by fewer than ${minGroupSize} people are merged or not shown.`}
              headings={["Emotion", "People", "Average intensity"]}
              rows={summary.emotions.rows.map((row) => ({ label: row.label, cells: [row.people, row.averageIntensity.toFixed(1)] }))}
            />
          ) : (
            <EmptyState>
              {summary.emotions.incomplete
                ? `Not shown: fewer than ${minGroupSize} people shared their emotions this quarter.`
                : "No shared emotions reported for this quarter yet."}
            </EmptyState>
          )}
        </Card>

        <Card title="Commitments">
          <dl className="grid grid-cols-2 gap-4">
            <Count term="Made" value={shown(commitments.made, String)} />
            {commitments.rows.map((row) => (
              <Count key={row.label} term={row.label} value={String(row.count)} tone={row.overdue && row.count > 0 ? "text-rose-700" : undefined} />
            ))}
          </dl>
          <p className="mt-3 text-sm text-stone-600">Made on reflections about safaris of {quarterLabel}.</p>
          {commitments.incomplete ? (
            <p className="mt-1 text-sm text-stone-600">Not broken down by state where fewer than {minGroupSize} people stand behind it.</p>
          ) : null}
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <AverageCard
          title="Empathy shift"
          figure={summary.empathyShift}
          format={formatShift}
          note="How much closer to the customer they felt after the safari than before it: the three empathy items (1 to 7), mean after minus mean before, averaged over the reflections that rated both."
          quarterLabel={quarterLabel}
        />
        <AverageCard
          title="Surprise"
          figure={summary.surprise}
          format={formatOutOfFive}
          note="How far the safari differed from what they expected in the briefing, from 1 (as expected) to 5 (nothing like it), averaged over the reflections that rated it."
          quarterLabel={quarterLabel}
        />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <ThemeCard title="Ouch themes" kind="ouch" table={summary.ouchThemes} />
        <ThemeCard title="Aah themes" kind="aah" table={summary.aahThemes} />
      </div>

      <Card title="Loops closed">
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Count term="Loops closed" value={shown(summary.loops.closed, String)} />
          <Count term="Customer told" value={shown(summary.loops.customerTold, String)} />
          <Count term="Frontline host told" value={shown(summary.loops.frontlineTold, String)} />
        </dl>
        <p className="mt-3 text-sm text-stone-600">
          Commitments made on reflections about safaris of {quarterLabel} that were done and told back (“you told us X; we did Y”), and of those, how many
          were told to the customer and to the frontline host. Each is shown only where at least {minGroupSize} owners stand behind it, and behind what is
          left when it is taken from the figure it is part of.
        </p>
      </Card>

      <GroupCard title="By department" groupHeading="Department" table={summary.byDepartment} />
      <GroupCard title="By seniority" groupHeading="Seniority" table={summary.bySeniority} />

      {notOutYet}
    </div>
  );
}

/** A breakdown under the small-group rule: one row per group, the group's name heading its row. */
function BreakdownTable({ caption, headings, rows }: { caption?: string; headings: string[]; rows: { label: string; cells: ReactNode[] }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        {caption ? <caption className="mb-2 text-left text-sm text-stone-600">{caption}</caption> : null}
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="border-stone-100 font-medium text-stone-900">
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                // The columns are fixed per table: their position is their identity.
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AverageCard({
  title,
  figure,
  format,
  note,
  quarterLabel,
}: {
  title: string;
  figure: Guarded<Average>;
  format: (value: number) => string;
  note: string;
  quarterLabel: string;
}) {
  return (
    <Card title={title}>
      <p className="text-2xl font-semibold text-stone-900">{figure.shown ? format(figure.value.average) : notShownText}</p>
      {figure.shown ? <p className="text-sm text-stone-600">From {figure.value.people} people.</p> : null}
      <p className="mt-2 text-xs text-stone-500">
        {note} From reflections about safaris of {quarterLabel} shared with the CX team or for the anonymised summary; private ones are not counted. Not
        shown where fewer than {minGroupSize} people rated it.
      </p>
    </Card>
  );
}

function ThemeCard({ title, kind, table }: { title: string; kind: "ouch" | "aah"; table: EngagementSummary["ouchThemes"] }) {
  const moments = kind === "ouch" ? "ouch moments (pain)" : "aah moments (delight)";
  return (
    <Card title={title}>
      {table.rows.length ? (
        <BreakdownTable
          caption={`The journey stages with the most ${moments}, up to ${topThemeCount}, from reflections shared with the CX team or for the anonymised summary; private ones are not counted. Stages written about by fewer than ${minGroupSize} people are merged or not shown.`}
          headings={["Journey stage", "Moments", "People"]}
          rows={table.rows.map((row) => ({ label: row.label, cells: [row.moments, row.people] }))}
        />
      ) : (
        <EmptyState>
          {table.incomplete ? `Not shown: fewer than ${minGroupSize} people shared ${moments} this quarter.` : `No shared ${moments} with a journey stage for this quarter yet.`}
        </EmptyState>
      )}
    </Card>
  );
}

function Figure({ term, value, note }: { term: string; value: string; note: string }) {
  return (
    <div className="card flex flex-col gap-1">
      <dt className="text-sm font-medium text-stone-600">{term}</dt>
      <dd className="text-2xl font-semibold text-stone-900">{value}</dd>
      <dd className="text-xs text-stone-500">{note}</dd>
    </div>
  );
}

function Count({ term, value, tone }: { term: string; value: string; tone?: string }) {
  return (
    <div>
      <dt className="text-sm text-stone-600">{term}</dt>
      <dd className={`text-xl font-semibold ${tone ?? "text-stone-900"}`}>{value}</dd>
    </div>
  );
}

function GroupCard({ title, groupHeading, table }: { title: string; groupHeading: string; table: GroupTable }) {
  return (
    <Card title={title}>
      {table.rows.length ? (
        <BreakdownTable
          headings={[groupHeading, "Executives", "With contact", "Share"]}
          rows={table.rows.map((row) => ({
            label: row.label,
            cells: [row.executives, row.withContact, <span key="share" className="whitespace-nowrap">{row.share === null ? "–" : `${row.share} %`}</span>],
          }))}
        />
      ) : null}
      {table.incomplete ? <p className="mt-3 text-sm text-stone-600">Not shown: fewer than {minGroupSize} executives in all.</p> : null}
    </Card>
  );
}

/** One page of the executives who attended no safari in the quarter, longest without customer contact first. */
export function NotOutYetCard({ page, pager }: { page: { rows: { id: string; name: string; department: string | null; daysSince: number | null }[]; count: number }; pager: ReactNode }) {
  return (
    <Card title="Not out yet this quarter">
      {page.rows.length ? (
        <>
          <p role="status" className="mb-3 text-sm text-stone-600">
            {page.count === 1 ? "1 executive has" : `${page.count.toLocaleString("en")} executives have`} not been out yet.
          </p>
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className="sr-only">Executives not out yet, longest without customer contact first</caption>
              <thead>
                <tr>
                  <th scope="col">Executive</th>
                  <th scope="col">Department</th>
                  <th scope="col">Last customer contact</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((executive) => (
                  <tr key={executive.id}>
                    <td>{executive.name}</td>
                    <td>{executive.department ?? noProfileLabel}</td>
                    <td>{lastContactLabel(executive.daysSince)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pager}
        </>
      ) : (
        <EmptyState>Every executive has been close to a customer this quarter.</EmptyState>
      )}
    </Card>
  );
}
