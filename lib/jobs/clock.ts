/**
 * Where scheduled work reads the time. The app runs on the system clock; tests pass a clock they move by
 * hand, so "an invitation whose deadline has passed" can be checked without waiting for it.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
