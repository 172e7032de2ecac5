import { Detail } from "@/lib/ui/detail-list";

type Logistics = { videoUrl: string; meetingContact: string; frontlineName: string; frontlineRole: string };

/** The video link, who meets the executives and the frontline colleague, each only when set; the labels are the reader's. */
export function EventLogistics({ event, meetingLabel, frontlineLabel }: { event: Logistics; meetingLabel: string; frontlineLabel: string }) {
  return (
    <>
      {event.videoUrl ? (
        <Detail label="Video link">
          <a href={event.videoUrl} className="link break-all" rel="noreferrer noopener" target="_blank">
            {event.videoUrl}
          </a>
        </Detail>
      ) : null}
      {event.meetingContact ? <Detail label={meetingLabel}>{event.meetingContact}</Detail> : null}
      {event.frontlineName ? <Detail label={frontlineLabel}>{event.frontlineRole ? `${event.frontlineName}, ${event.frontlineRole}` : event.frontlineName}</Detail> : null}
    </>
  );
}
