/** "Add to calendar (.ics)": the safari as a file a calendar app opens. */
export function CalendarFileLink({ eventId }: { eventId: string }) {
  return (
    <a href={`/calendar/safaris/${eventId}`} download className="btn-secondary">
      Add to calendar (.ics)
    </a>
  );
}
