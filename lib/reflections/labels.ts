import type { JourneyStage, MomentKind } from "@/db/enums";

/*
 * Labels of a moment's fixed lists, for forms, the library's filters and the summary's themes. No database
 * code, so the browser may use them; the lists are checked against the database enums by type.
 */

export const momentKindOptions = [
  { value: "ouch", label: "Ouch", description: "Pain: what hurt or failed the customer" },
  { value: "aah", label: "Aah", description: "Delight: what worked or moved the customer" },
] as const satisfies readonly { value: MomentKind; label: string; description: string }[];

export const journeyStageOptions = [
  { value: "discover", label: "Finding out about us" },
  { value: "buy", label: "Choosing and buying" },
  { value: "onboard", label: "Getting started" },
  { value: "use", label: "Everyday use" },
  { value: "pay", label: "Bills and payment" },
  { value: "get_help", label: "Getting help" },
  { value: "change", label: "Changing or moving" },
  { value: "leave", label: "Cancelling or leaving" },
] as const satisfies readonly { value: JourneyStage; label: string }[];

export function momentKindLabel(value: MomentKind): string {
  return momentKindOptions.find((option) => option.value === value)?.label ?? value;
}

export function journeyStageLabel(value: JourneyStage | null): string {
  if (value === null) return "Stage not recorded";
  return journeyStageOptions.find((option) => option.value === value)?.label ?? value;
}
