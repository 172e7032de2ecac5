import { typeName, type TypeChoice } from "@/lib/event-types/schema";
import { formatRangeInZone } from "@/lib/time/zones";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import type { ProfileView } from "../data";
import { languageLabel } from "../languages";
import { seniorityLabels } from "../labels";

type Profile = NonNullable<ProfileView["profile"]>;

/** The CX team's part of a profile, read-only (the executive's own page). */
export function ProgrammeDetails({ profile }: { profile: Profile }) {
  return (
    <DetailList>
      <Detail label="Department">{profile.department}</Detail>
      <Detail label="Seniority">{seniorityLabels[profile.seniority]}</Detail>
      <Detail label="Target">{profile.cadencePerQuarter} a quarter</Detail>
      <Detail label="Cap">at most {profile.monthlyCap} a month</Detail>
    </DetailList>
  );
}

/** The executive's own part of a profile, read-only (the CX team's page). */
export function ExecutiveOwnDetails({ timeZone, profile, types }: { timeZone: string; profile: Profile | null; types: TypeChoice[] }) {
  const none = <span className="text-stone-500">none given</span>;
  return (
    <DetailList>
      <Detail label="Time zone">{timeZone}</Detail>
      <Detail label="Languages">{profile?.languages.length ? profile.languages.map(languageLabel).join(", ") : none}</Detail>
      <Detail label="Preferred types">{profile?.preferredTypes.length ? profile.preferredTypes.map((key) => typeName(types, key)).join(", ") : none}</Detail>
      <Detail label="Blackouts">
        {profile?.blackouts.length ? (
          <ul>
            {profile.blackouts.map((b) => (
              <li key={b.id}>{formatRangeInZone(b.startAt, b.endAt, b.timeZone)}</li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Detail>
    </DetailList>
  );
}
