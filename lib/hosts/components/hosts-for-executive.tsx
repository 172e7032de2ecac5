import { languageLabel } from "@/lib/people/languages";
import type { HostForExecutive } from "../data";

/** The customers an executive meets: first name, persona, language and what they agreed to; nothing that identifies them further. */
export function HostsForExecutive({ hosts }: { hosts: HostForExecutive[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {hosts.map((host, index) => (
        <li key={index}>
          <p className="font-medium">
            {host.firstName}
            {host.persona ? <span className="font-normal text-stone-600"> · {host.persona}</span> : null}
          </p>
          <p className="text-sm text-stone-600">
            Speaks {languageLabel(host.language)}. {host.executivesMayObserve ? "Agreed to executives observing." : "Has not agreed to executives observing."}{" "}
            {host.recordingAllowed ? "Recording is allowed." : "No recording."}
          </p>
        </li>
      ))}
    </ul>
  );
}
