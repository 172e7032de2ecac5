import { notFoundResponse, requireRoute } from "@/lib/auth/route";
import { appClock } from "@/lib/time/clock";
import { clockState, moveClock } from "@/lib/time/test-clock";

/** Test servers only (SAFARI_TEST_CLOCK=1): GET reads the app's clock, POST moves it ahead. Elsewhere 404. */
async function refusal(): Promise<Response | null> {
  const access = await requireRoute("/api/test/clock");
  if ("response" in access) return access.response;
  return appClock().movable ? null : notFoundResponse();
}

export async function GET() {
  return (await refusal()) ?? clockState();
}

export async function POST(request: Request) {
  return (await refusal()) ?? moveClock(request);
}
