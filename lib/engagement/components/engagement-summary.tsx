import { emotionLabel } from "@/lib/reflections/schema";
import { Card, EmptyState } from "@/lib/ui/page";
import { formatHours, minGroupSize, type EngagementSummary, type GroupTable } from "../summary";

// Tighter cells on phones, so four columns fit without scrolling.
const tableClass = "table [&_td]:px-2 [&_th]:px-2 sm:[&_td]:px-3 sm:[&_th]:px-3";

export function EngagementSummaryView({ summary, quarterLabel }: { summary: EngagementSummary; quarterLabel: string }) {
  const { commitments } = summary;
  return (
    <div className="flex flex-col gap-6">
      <section className="card" aria-labelledby="contact-share">
        <h2 id="contact-share" className="text-sm font-medium text-stone-600">
          Executives with customer contact
        </h2>
        <p className="mt-1 text-2xl font-semibold text-stone-900">{summary.executives.label}</p>
        <progress
          value={summary.executives.withContact}
          max={Math.max(summary.executives.total, 1)}
          aria-labelledby="contact-share"
          className="mt-3 h-2 w-full overflow-hidden rounded-full bg-stone-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-600"
        />
        <p className="mt-2 text-sm text-stone-600">At least one attended safari in {quarterLabel}. Target: every leader, every quarter.</p>
      </section>

      <dl className="grid gap-4 sm:grid-cols-2">
        <Figure term="Hours of exposure" value={formatHours(summary.hours)} note="Total length of the safaris they attended." />
        <Figure term="Reflections written" value={String(summary.reflections)} note={`On safaris of ${quarterLabel}.`} />
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Emotions reported">
          {summary.emotions.length ? (
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <caption className="mb-2 text-left text-sm text-stone-600">
                  Intensity from 1 to 5. From reflections shared with the CX team or for the anonymised summary; private ones are not counted.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Emotion</th>
                    <th scope="col">Times reported</th>
                    <th scope="col">Average intensity</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.emotions.map((row) => (
                    <tr key={row.emotion}>
                      <th scope="row" className="border-stone-100 font-medium text-stone-900">
                        {emotionLabel(row.emotion)}
                      </th>
                      <td>{row.count}</td>
                      <td>{row.averageIntensity.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState>No shared emotions reported for this quarter yet.</EmptyState>
          )}
        </Card>

        <Card title="Commitments">
          <dl className="grid grid-cols-2 gap-4">
            <Count term="Made" value={commitments.made} />
            <Count term="Done" value={commitments.done} />
            <Count term="Open" value={commitments.open} />
            <Count term="Overdue (open, past due)" value={commitments.overdue} tone={commitments.overdue > 0 ? "text-rose-700" : undefined} />
          </dl>
          <p className="mt-3 text-sm text-stone-600">Made on reflections about safaris of {quarterLabel}.</p>
        </Card>
      </div>

      <GroupCard title="By department" groupHeading="Department" table={summary.byDepartment} />
      <GroupCard title="By seniority" groupHeading="Seniority" table={summary.bySeniority} />

      <Card title="Not out yet this quarter">
        {summary.notOutYet.length ? (
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Executive</th>
                  <th scope="col">Department</th>
                </tr>
              </thead>
              <tbody>
                {summary.notOutYet.map((executive) => (
                  <tr key={executive.id}>
                    <td>{executive.name}</td>
                    <td>{executive.department}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>Every executive has been close to a customer this quarter.</EmptyState>
        )}
      </Card>
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

function Count({ term, value, tone }: { term: string; value: number; tone?: string }) {
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
      {table.hiddenExecutives > 0 ? (
        <p className="mt-3 text-sm text-stone-600">
          {table.hiddenExecutives} executive{table.hiddenExecutives === 1 ? " is" : "s are"} in groups smaller than {minGroupSize} even
          together, so they are not shown here.
        </p>
      ) : null}
    </Card>
  );
}
