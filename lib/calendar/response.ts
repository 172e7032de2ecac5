/** An iCalendar answer: a download (with its file name) or a feed; never cached by anyone in between. */
export function calendarResponse(ics: string, filename?: string): Response {
  const headers: Record<string, string> = { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" };
  if (filename) headers["Content-Disposition"] = `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`;
  return new Response(ics, { headers });
}
