/** Why an input was refused; `item` names the event or executive at fault. */
export type MatchingInputErrorCode =
  | "INVALID_PERIOD"
  | "INVALID_NOW"
  | "DUPLICATE_ID"
  | "INVALID_TIME"
  | "EVENT_ENDS_BEFORE_START"
  | "NEGATIVE_SEATS"
  | "UNKNOWN_EXECUTIVE"
  | "INVALID_TIME_ZONE"
  | "INVALID_NUMBER"
  /** A field missing or of the wrong type (input that did not come through the typed loaders). */
  | "INVALID_TYPE";

export class MatchingInputError extends Error {
  override name = "MatchingInputError";
  constructor(
    readonly code: MatchingInputErrorCode,
    readonly item: string,
    message: string,
  ) {
    super(`${item}: ${message}`);
  }
}
