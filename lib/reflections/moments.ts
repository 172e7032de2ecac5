import type { MomentEmotion } from "@/db/enums";

/**
 * What a reflection felt, as the summary counts it (reflection_emotions): each emotion its moments stirred,
 * at the strongest intensity any of them gave it.
 */
export function emotionsOfMoments(moments: readonly { emotion: MomentEmotion; intensity: number }[]): { emotion: MomentEmotion; intensity: number }[] {
  const strongest = new Map<MomentEmotion, number>();
  for (const { emotion, intensity } of moments) strongest.set(emotion, Math.max(intensity, strongest.get(emotion) ?? 0));
  return [...strongest].map(([emotion, intensity]) => ({ emotion, intensity }));
}
