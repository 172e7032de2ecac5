import { notFoundResponse, requireRoute } from "@/lib/auth/route";
import { downloadableSafari } from "@/lib/calendar/data";
import { safariCalendar } from "@/lib/calendar/ics";
import { calendarResponse } from "@/lib/calendar/response";
import { parseId } from "@/lib/route-params";
import { appNow } from "@/lib/time/clock";

/** One safari's .ics (METHOD:PUBLISH) for the organizers and the executives on it; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireRoute("/calendar/safaris/[id]");
  if ("response" in access) return access.response;
  const id = parseId((await params).id);
  const safari = id && access.user ? await downloadableSafari(id, access.user) : undefined;
  if (!safari) return notFoundResponse();
  return calendarResponse(safariCalendar(safari, { stamp: appNow() }), `safari-${safari.id}.ics`);
}
