import { liveFeed } from "@/lib/calendar/feeds/data";
import { formatInZone } from "@/lib/time/zones";
import { Card } from "@/lib/ui/page";
import { CalendarFeedForms } from "./feed-forms";

/** The account page's private calendar feed: make, replace or revoke the link (shown once when made). */
export async function CalendarFeedCard({ user }: { user: { id: string; timeZone: string } }) {
  const feed = await liveFeed(user.id);
  return (
    <Card title="Calendar feed" className="max-w-lg">
      <p className="mb-4 text-sm text-stone-600">
        A private link your calendar app can subscribe to: your safaris appear there and stay up to date. Anyone with the link can read
        it, so keep it to yourself; revoke it if it got out.
      </p>
      <p className="mb-4 text-sm text-stone-700">
        {feed ? `You have a feed link, made ${formatInZone(feed.createdAt, user.timeZone)}.` : "You have no feed link."}
      </p>
      <CalendarFeedForms feedId={feed?.id ?? null} />
    </Card>
  );
}
