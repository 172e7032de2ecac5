/*
 * The errors a user can meet, as a small union of codes with one message each. Domain code throws
 * AppError; database rule violations are translated here too, so a raw exception never reaches a user.
 */
export const appErrorMessages = {
  UNAUTHENTICATED: "Please sign in first.",
  FORBIDDEN: "You are not allowed to do this.",
  NOT_FOUND: "We could not find that.",
  VALIDATION: "Some fields need your attention.",
  EVENT_FULL: "This safari is full: every seat is taken.",
  DOUBLE_BOOKED: "You already have a safari at that time.",
  ALREADY_SIGNED_UP: "You are already on this safari.",
  SIGNUP_CLOSED: "Sign-up for this safari has closed.",
  INVALID_STATE: "That is not possible in the current state.",
  SEATS_BELOW_TAKEN: "There are more confirmed executives than that many seats.",
  ALREADY_REFLECTED: "You have already written a reflection for this safari.",
  TYPE_NAME_TAKEN: "There is a type of safari with that name already: choose another name.",
  TYPE_SEATS: "That is more seats than this type of safari takes.",
  CONSENT_MISSING: "A customer host's consent does not allow this safari.",
  PERSONA_NAME_TAKEN: "There is a persona with that name already: choose another name.",
  INTERNAL: "Something went wrong on our side. Please try again.",
} as const;

export type AppErrorCode = keyof typeof appErrorMessages;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string = appErrorMessages[code],
    /** Field errors the domain found (a host's missing consent), shown beside the fields like the schema's. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Which constraint violation means which error: the database is the one that enforces these rules. */
const constraintCodes: Record<string, AppErrorCode> = {
  events_seats_taken_within_seats: "EVENT_FULL",
  participations_no_overlap: "DOUBLE_BOOKED",
  participations_event_executive_key: "ALREADY_SIGNED_UP",
  reflections_participation_key: "ALREADY_REFLECTED",
  event_types_name_key: "TYPE_NAME_TAKEN",
  events_within_type_seats: "TYPE_SEATS",
  personas_name_key: "PERSONA_NAME_TAKEN",
};

type PgErrorLike = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

/**
 * The first Postgres error with a SQLSTATE `matches` accepts, in an error or the causes it wraps (drizzle and
 * the drivers nest them), whichever driver (postgres.js or PGlite) raised it.
 */
export function findPostgresError(error: unknown, matches: (code: string, found: PgErrorLike) => boolean): PgErrorLike | undefined {
  for (let current = error as PgErrorLike | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === "string" && matches(current.code, current)) return current;
    current = current.cause as PgErrorLike | undefined;
  }
  return undefined;
}

const constraintName = (found: PgErrorLike) => found.constraint_name ?? found.constraint;

/** The Postgres constraint an error broke. */
export function violatedConstraint(error: unknown): string | undefined {
  const found = findPostgresError(error, (code, candidate) => /^23/.test(code) && typeof constraintName(candidate) === "string");
  return found ? (constraintName(found) as string) : undefined;
}

/** Turns anything thrown into an AppError, or undefined where it is a bug that should surface. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const constraint = violatedConstraint(error);
  const code = constraint ? constraintCodes[constraint] : undefined;
  return code ? new AppError(code) : undefined;
}
