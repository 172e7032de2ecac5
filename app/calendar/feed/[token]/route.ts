import { notFoundResponse, requireRoute } from "@/lib/auth/route";
import { feedSafaris } from "@/lib/calendar/data";
import { feedOwner } from "@/lib/calendar/feeds/data";
import { feedCalendar } from "@/lib/calendar/ics";
import { calendarResponse } from "@/lib/calendar/response";
import { appNow } from "@/lib/time/clock";

/** A private subscription feed: the token is the credential; a malformed, unknown or revoked one is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await requireRoute("/calendar/feed/[token]");
  const { token } = await params;
  const owner = await feedOwner(token);
  if (!owner) return notFoundResponse();
  const now = appNow();
  return calendarResponse(feedCalendar(await feedSafaris(owner, now), { name: `Customer Safari: ${owner.name}`, stamp: now }));
}
