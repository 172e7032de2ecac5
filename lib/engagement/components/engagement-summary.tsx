import type { ReactNode } from "react";
import { lastContactLabel } from "@/lib/cadence/schema";
import { minGroupSize, notShownText, type Guarded } from "@/lib/privacy/small-groups";
import { Card, EmptyState } from "@/lib/ui/page";
import { formatHours, noProfileLabel, type EngagementSummary, type GroupTable } from "../summary";

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
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <caption className="mb-2 text-left text-sm text-stone-600">
                  Intensity from 1 to 5. From reflections shared with the CX team or for the anonymised summary; private ones are not counted.
                  Emotions reported by fewer than {minGroupSize} people are merged or not shown.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Emotion</th>
                    <th scope="col">People</th>
                    <th scope="col">Average intensity</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.emotions.rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row" className="border-stone-100 font-medium text-stone-900">
                        {row.label}
                      </th>
                      <td>{row.people}</td>
                      <td>{row.averageIntensity.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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

      <GroupCard title="By department" groupHeading="Department" table={summary.byDepartment} />
      <GroupCard title="By seniority" groupHeading="Seniority" table={summary.bySeniority} />

      {notOutYet}
    </div>
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
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{groupHeading}</th>
                <th scope="col">Executives</th>
                <th scope="col">With contact</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="border-stone-100 font-medium text-stone-900">
                    {row.label}
                  </th>
                  <td>{row.executives}</td>
                  <td>{row.withContact}</td>
                  <td className="whitespace-nowrap">{row.share === null ? "–" : `${row.share} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
