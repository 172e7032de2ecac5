import { formatInZone } from "@/lib/time/zones";

/** Tells an executive that a safari they were on was cancelled, when, and the CX team's reason. */
export function CancellationNotice({
  cancelledAt,
  reason,
  viewerTimeZone,
}: {
  cancelledAt: Date | null;
  reason: string | null;
  viewerTimeZone: string;
}) {
  return (
    <p className="alert-error text-sm">
      <strong>Cancelled by the CX team{cancelledAt ? ` on ${formatInZone(cancelledAt, viewerTimeZone, "EEE d MMM yyyy")}` : ""}.</strong>{" "}
      <span className="whitespace-pre-line">Reason: {reason ?? "not given."}</span>
    </p>
  );
}
