import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { formatInZone } from "@/lib/time/zones";
import { withdrawConsentAction } from "../actions";
import type { HostDetail } from "../data";

const day = (instant: Date, zone: string) => formatInZone(instant, zone, "EEE d MMM yyyy");

/** Every consent a host gave, newest first: what it covers, and a way to record its withdrawal. */
export function ConsentsTable({ hostId, consents, typeName, zone }: { hostId: string; consents: HostDetail["consents"]; typeName: (key: string) => string; zone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Consents</caption>
        <thead>
          <tr>
            <th scope="col">Covers</th>
            <th scope="col">Given</th>
            <th scope="col">Valid until</th>
            <th scope="col">Executives observe</th>
            <th scope="col">Recording</th>
            <th scope="col">Withdrawal</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((consent) => {
            const covers = consent.eventTypes.map(typeName).join(", ");
            return (
              <tr key={consent.id}>
                <td>{covers}</td>
                <td>{day(consent.givenAt, zone)}</td>
                {/* validUntil is exclusive: the last day covered is the one before. */}
                <td>{day(new Date(consent.validUntil.getTime() - 1), zone)}</td>
                <td>{consent.executivesMayObserve ? "Yes" : "No"}</td>
                <td>{consent.recordingAllowed ? "Allowed" : "No"}</td>
                <td>
                  {consent.withdrawnAt ? (
                    `Withdrawn on ${day(consent.withdrawnAt, zone)}`
                  ) : (
                    <ActionForm action={withdrawConsentAction} fields={{ hostId, consentId: consent.id }}>
                      <ActionButton variant="danger" label={`Withdraw the consent for ${covers} given ${day(consent.givenAt, zone)}`}>
                        Withdraw
                      </ActionButton>
                    </ActionForm>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
