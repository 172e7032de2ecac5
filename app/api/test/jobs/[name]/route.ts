import { notFoundResponse, requireRoute } from "@/lib/auth/route";
import { appClock } from "@/lib/time/clock";
import { runJobOnce } from "@/lib/time/test-clock";

/** Test servers only (SAFARI_TEST_CLOCK=1): runs one scheduled job once, now. Elsewhere 404. */
export async function POST(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const access = await requireRoute("/api/test/jobs/[name]");
  if ("response" in access) return access.response;
  if (!appClock().movable) return notFoundResponse();
  return runJobOnce((await params).name);
}
