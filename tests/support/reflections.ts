import type { MomentEmotion } from "@/db/enums";
import type { CommitmentInput, MomentInput, ReflectionInput } from "@/lib/reflections/schema";

/*
 * A valid structured reflection, as the schema outputs it, for tests that need one written: an ouch and
 * an aah moment that both carry `emotion` at `intensity` (so the derived emotions are exactly that one),
 * and one commitment that answers the ouch.
 */
export function moment(overrides: Partial<MomentInput> = {}): MomentInput {
  return {
    id: undefined,
    kind: "ouch",
    body: "Waited 40 minutes on hold",
    quote: "",
    journeyStage: "get_help",
    emotion: "frustrated",
    intensity: 4,
    ...overrides,
  };
}

export function commitment(overrides: Partial<CommitmentInput> = {}): CommitmentInput {
  return { id: undefined, body: "Give every caller one named agent for their case", dueOn: "2027-02-28", helpers: "", moments: [0], ...overrides };
}

export function structuredReflection(
  participationId: string,
  options: { emotion?: MomentEmotion; intensity?: number; ouch?: string; aah?: string; commitment?: string; dueOn?: string } & Partial<ReflectionInput> = {},
): ReflectionInput {
  const { emotion = "frustrated", intensity = 4, ouch = "Waited 40 minutes on hold", aah = "The agent called back", commitment: body, dueOn = "2027-02-28", ...overrides } = options;
  return {
    participationId,
    moments: [moment({ body: ouch, emotion, intensity }), moment({ kind: "aah", body: aah, journeyStage: "get_help", emotion, intensity })],
    mapSaid: "",
    mapDid: "",
    mapThought: "",
    mapFelt: "",
    surprise: "",
    surpriseScore: null,
    empathyAfter: null,
    commitments: [commitment({ dueOn, ...(body ? { body } : {}) })],
    visibility: "cx_team",
    ...overrides,
  };
}
