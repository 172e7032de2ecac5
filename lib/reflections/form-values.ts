import { commitmentName, empathyAfterName, momentName, nestFormValues } from "./schema";

/*
 * A written reflection as the form's flat values, so the edit form starts from what is stored. No
 * database code: the page passes the reflection it read.
 */
type Stored = {
  mapSaid: string;
  mapDid: string;
  mapThought: string;
  mapFelt: string;
  surprise: string;
  surpriseScore: number | null;
  empathyItemsAfter: number[] | null;
  visibility: string;
  moments: { id: string; kind: string; body: string; quote: string; journeyStage: string | null; emotion: string; intensity: number }[];
  commitments: { id: string; body: string; dueOn: string; helpers: string; moments: { momentId: string }[] }[];
};

export function reflectionFormValues(reflection: Stored): Record<string, string> {
  const values: Record<string, string> = {
    mapSaid: reflection.mapSaid,
    mapDid: reflection.mapDid,
    mapThought: reflection.mapThought,
    mapFelt: reflection.mapFelt,
    surprise: reflection.surprise,
    surpriseScore: reflection.surpriseScore?.toString() ?? "",
    visibility: reflection.visibility,
  };
  reflection.empathyItemsAfter?.forEach((rating, index) => (values[empathyAfterName(index)] = String(rating)));
  reflection.moments.forEach((moment, index) => {
    Object.assign(values, {
      [momentName(index, "id")]: moment.id,
      [momentName(index, "kind")]: moment.kind,
      [momentName(index, "body")]: moment.body,
      [momentName(index, "quote")]: moment.quote,
      [momentName(index, "journeyStage")]: moment.journeyStage ?? "",
      [momentName(index, "emotion")]: moment.emotion,
      [momentName(index, "intensity")]: String(moment.intensity),
    });
  });
  const positionOf = new Map(reflection.moments.map((moment, index) => [moment.id, index]));
  reflection.commitments.forEach((commitment, index) => {
    Object.assign(values, {
      [commitmentName(index, "id")]: commitment.id,
      [commitmentName(index, "body")]: commitment.body,
      [commitmentName(index, "dueOn")]: commitment.dueOn,
      [commitmentName(index, "helpers")]: commitment.helpers,
      [commitmentName(index, "moments")]: commitment.moments
        .map((link) => positionOf.get(link.momentId))
        .filter((position) => position !== undefined)
        .join("\n"),
    });
  });
  return values;
}

/** How many rows of a list (`moments` or `commitments`) flat values hold: one past the highest index. */
export function rowCount(values: Record<string, string>, list: "moments" | "commitments"): number {
  return (nestFormValues(values)[list] as unknown[]).length;
}
