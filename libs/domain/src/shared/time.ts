/** The calendar date an ISO instant was written for, in its own zone (what the clerk meant). */
export const dateOf = (instant: string): string => instant.slice(0, 10);

/** Instants may carry different zones, so compare them as points in time, not as text. */
export const isLaterInstant = (candidate: string, reference: string): boolean =>
  Date.parse(candidate) > Date.parse(reference);

/** YYYY-MM-DD dates compare correctly as text. */
export const isEarlierDate = (candidate: string, reference: string): boolean => candidate < reference;
