/*
 * The matcher's own input and output types: plain data, no database rows, no clock. Instants are Dates;
 * intervals are half-open [start, end), so back-to-back safaris do not overlap.
 */

export type Interval = { start: Date; end: Date };

export type MatchingInput = {
  /** The period proposals are made for: only events starting inside it are proposed. */
  period: Interval;
  /** When the proposal is made: events starting before it are not proposed, contact age is counted up to it. */
  now: Date;
  events: MatchEvent[];
  executives: MatchExecutive[];
};

export type MatchEvent = {
  id: string;
  start: Date;
  end: Date;
  /** Seats still free for proposals (the seats minus those already taken). */
  freeSeats: number;
  /** Event type, e.g. "call_listening". */
  type: string;
  /** The personas (customer groups) the event shows. */
  personas: { id: string; name: string }[];
  /** The language the customer speaks when the executive must understand it, else null. */
  language: string | null;
  /** Executives already on the event; each must be one of the input's executives. */
  attendeeIds: string[];
  /**
   * Executives never to propose for this event (an organizer removed the proposal). Ids that name no
   * executive of the input are ignored: whoever they were, they are not proposed.
   */
  excludedExecutiveIds?: string[];
};

export type MatchExecutive = {
  id: string;
  department: string;
  /** e.g. "c_level", "vp", "director": carried for reports, never an exemption. */
  seniority: string;
  languages: string[];
  /** Times the executive cannot take part. */
  blackouts: Interval[];
  preferredTypes: string[];
  /** IANA zone: calendar months for the monthly cap are counted in it. */
  timeZone: string;
  /** How many safaris the company expects of the executive in the period. */
  cadenceTarget: number;
  /** At most this many safaris in one calendar month (in the executive's zone), bookings included. */
  monthlyCap: number;
  /** The last attended customer contact, or null when there has been none. */
  lastContactAt: Date | null;
  /** Persona ids and event types the executive has met before. */
  personasMet: string[];
  typesMet: string[];
  /**
   * Every safari the executive is already booked for (including events of this input they attend):
   * they block that time, count toward the monthly cap, and toward the target when they start in the period.
   * An event of this input the executive attends but that is missing here is added as a booking (once).
   */
  booked: Interval[];
};

/** One proposed seat: this executive at this event, and why. */
export type Proposal = {
  executiveId: string;
  eventId: string;
  /** A short human reason, e.g. "no customer contact for 143 days; first time with persona 'Young families'". */
  reason: string;
};

export type UnplacedReason =
  | "no_events"
  | "all_full"
  | "blackout"
  | "monthly_cap"
  | "language"
  | "already_booked"
  | "several";

/** An executive below target who could not be (fully) placed, and why. */
export type Unplaced = {
  executiveId: string;
  /** How many safaris short of the target the executive stays. */
  missing: number;
  reason: UnplacedReason;
  explanation: string;
};

export type MatchingResult = {
  proposals: Proposal[];
  unplaced: Unplaced[];
};

/** An executive placed at an event: what the objective and the rule checker read. */
export type Assignment = { executiveId: string; eventId: string };
