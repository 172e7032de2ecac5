import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { ExpectationForm } from "@/lib/briefing/components/expectation-form";
import { PrintButton } from "@/lib/briefing/components/print-button";
import { findBriefing } from "@/lib/briefing/data";
import { empathyItems, empathyScale, expectationVerdict } from "@/lib/briefing/schema";
import { EventWhen } from "@/lib/events/components/event-when";
import { HostsForExecutive } from "@/lib/hosts/components/hosts-for-executive";
import { hostsForExecutive } from "@/lib/hosts/data";
import { idOrNotFound } from "@/lib/route-params";
import { formatInZone } from "@/lib/time/zones";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Briefing" };

export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/safaris/[id]/briefing");
  const id = idOrNotFound((await params).id);
  const briefing = await findBriefing(id, user);
  if (!briefing) notFound();
  const { event, personas, participation } = briefing;
  const now = appNow();
  // What the hosts agreed to for this safari: judged at its start once that has passed.
  const hosts = await hostsForExecutive(event.id, now < event.startAt ? now : event.startAt);
  const back = user.role === "organizer" ? `/organize/events/${event.id}` : `/safaris/${event.id}`;
  const canWrite = participation !== null && expectationVerdict(event, participation.status, now).ok;
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <p className="text-sm print:hidden">
        <Link href={back} className="link">
          ← {user.role === "organizer" ? "The event" : "The safari"}
        </Link>
      </p>
      <PageHeader
        title={`Briefing: ${event.title}`}
        description={<EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={user.timeZone} />}
        actions={<PrintButton />}
      />
      {event.status === "cancelled" ? (
        <p role="alert" className="alert-error">
          This safari has been cancelled{event.cancellationReason ? `: ${event.cancellationReason}` : "."}
        </p>
      ) : null}

      <Card title="Who you will meet">
        {hosts.length > 0 ? (
          <div className="mb-4">
            <HostsForExecutive hosts={hosts} />
          </div>
        ) : null}
        {personas.length === 0 ? (
          hosts.length === 0 ? <p className="text-stone-600">The CX team has not named the kind of customer yet.</p> : null
        ) : (
          <ul className="flex flex-col gap-3">
            {personas.map((persona) => (
              <li key={persona.name}>
                <p className="font-medium">{persona.name}</p>
                {persona.description ? <p className="text-stone-700">{persona.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="How to take part">
        <p className="mb-2 text-sm font-medium text-stone-600">{event.typeName}</p>
        {event.guidance ? <p className="whitespace-pre-line">{event.guidance}</p> : null}
        {event.briefing && event.briefing !== event.guidance ? <p className="mt-3 whitespace-pre-line">{event.briefing}</p> : null}
        {!event.guidance && !event.briefing ? <p className="text-stone-600">The CX team has not written the briefing yet.</p> : null}
      </Card>

      <Card title="Logistics">
        <DetailList>
          <Detail label="When">
            <EventWhen startAt={event.startAt} endAt={event.endAt} timeZone={event.timeZone} viewerTimeZone={user.timeZone} />
          </Detail>
          <Detail label="Where">{event.location || (event.videoUrl ? "Online" : "The CX team will tell you.")}</Detail>
          {event.videoUrl ? (
            <Detail label="Video link">
              <a href={event.videoUrl} className="link break-all" rel="noreferrer noopener" target="_blank">
                {event.videoUrl}
              </a>
            </Detail>
          ) : null}
          <Detail label="Who meets you">{event.meetingContact || "The CX team will tell you."}</Detail>
          {event.frontlineName ? (
            <Detail label="Frontline host">
              {event.frontlineName}
              {event.frontlineRole ? `, ${event.frontlineRole}` : ""}
            </Detail>
          ) : null}
        </DetailList>
      </Card>

      {participation ? (
        <Card title="Before you go">
          {canWrite ? (
            <ExpectationForm participationId={participation.id} initial={participation.expectation ?? ""} empathyBefore={participation.empathyBefore} />
          ) : participation.expectation ? (
            <>
              <p className="mb-1 text-sm font-medium text-stone-600">What you expected to hear</p>
              <p className="whitespace-pre-line">{participation.expectation}</p>
              {participation.empathyBefore ? (
                <ul className="mt-3 text-sm text-stone-700">
                  {empathyItems.map((item, index) => (
                    <li key={item}>
                      {item} <span className="font-medium">{participation.empathyBefore![index]} of {empathyScale.max}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {participation.expectationAt ? <p className="mt-2 text-sm text-stone-500">Written {formatInZone(participation.expectationAt, user.timeZone)}</p> : null}
            </>
          ) : (
            <p className="text-stone-600">You did not write down what you expected to hear.</p>
          )}
        </Card>
      ) : null}
    </article>
  );
}
