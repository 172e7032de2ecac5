import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { isBriefed } from "@/lib/briefing/schema";
import { idOrNotFound } from "@/lib/route-params";
import { findSafariForExecutive } from "@/lib/participation/data";
import { hostsForExecutive } from "@/lib/hosts/data";
import { HostsForExecutive } from "@/lib/hosts/components/hosts-for-executive";
import { CancellationNotice } from "@/lib/participation/components/cancellation-notice";
import { SafariDetails } from "@/lib/participation/components/safari-details";
import { holdsSeat, seatOptions } from "@/lib/participation/rules";
import { SignUpPanel } from "@/lib/participation/components/sign-up-panel";
import { formatInZone } from "@/lib/time/zones";
import { CalendarFileLink } from "@/lib/calendar/components/calendar-file-link";
import { mayDownloadCalendarFile } from "@/lib/calendar/rules";
import { Card, PageHeader } from "@/lib/ui/page";
import { appNow } from "@/lib/time/clock";

export const metadata = { title: "Safari" };

export default async function SafariPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/safaris/[id]");
  const id = idOrNotFound((await params).id);
  const safari = await findSafariForExecutive(id, user.id);
  if (!safari) notFound();
  const { event, participation } = safari;
  const hosts = await hostsForExecutive(event.id);
  const seat = seatOptions(event, participation?.status, appNow());
  const cancelled = event.status === "cancelled";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/safaris" className="link">
          ← Open safaris
        </Link>
      </p>
      <PageHeader title={event.title} actions={mayDownloadCalendarFile(participation?.status) ? <CalendarFileLink eventId={event.id} /> : undefined} />
      {cancelled ? (
        <div className="mb-6">
          <CancellationNotice cancelledAt={event.cancelledAt} reason={event.cancellationReason} viewerTimeZone={user.timeZone} />
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
        <div className="flex flex-col gap-6">
          <Card title="Details">
            <SafariDetails safari={safari} viewerTimeZone={user.timeZone} />
          </Card>
          {hosts.length > 0 ? (
            <Card title="Your customer hosts">
              <HostsForExecutive hosts={hosts} />
            </Card>
          ) : null}
          <Card title="Briefing">
            <p className="whitespace-pre-line">{event.briefing || "The CX team has not written the briefing yet."}</p>
            {isBriefed(participation?.status) ? (
              <p className="mt-3">
                <Link href={`/safaris/${event.id}/briefing`} className="link">
                  Your briefing pack: who you will meet, how to take part, logistics, and what you expect to hear
                </Link>
              </p>
            ) : null}
          </Card>
        </div>
        <Card title="Your seat" className="h-fit">
          {seat.open && seat.full && !seat.canLeaveWaitlist ? <p className="mb-3 text-stone-600">Every seat is taken. Join the waitlist: if a seat comes free, it is yours.</p> : null}
          {seat.canLeaveWaitlist ? <p className="mb-3 text-stone-600">You are on the waitlist. If a seat comes free, it is yours and we will tell you.</p> : null}
          {seat.canAnswer && participation?.respondBy ? (
            <p className="mb-3 text-stone-600">
              You are invited: your seat is held until {formatInZone(participation.respondBy, user.timeZone)}. Please accept or decline.
            </p>
          ) : null}
          {!cancelled && !seat.open && !holdsSeat(participation?.status) ? <p className="mb-3 text-stone-600">Sign-up for this safari has closed.</p> : null}
          {seat.canWithdraw ? <p className="mb-3 text-stone-600">You&apos;re going. See you there.</p> : null}
          <SignUpPanel eventId={event.id} participationId={participation?.id ?? null} options={seat} />
        </Card>
      </div>
    </>
  );
}
