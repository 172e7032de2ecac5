/*
 * A well-formed reflection's fields (lib/reflections/schema.ts) as a forger posts them in someone else's
 * name: one moment, one commitment answering it, due in a month. Every spec that tries it expects
 * "not found" and nothing written.
 */
export const someoneElsesReflection = {
  "moments.0.kind": "ouch",
  "moments.0.body": "Someone else's words",
  "moments.0.journeyStage": "use",
  "moments.0.emotion": "frustrated",
  "moments.0.intensity": "3",
  "commitments.0.body": "Write in someone else's name",
  "commitments.0.dueOn": new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  "commitments.0.moments": "0",
  visibility: "private",
};
