import type { Projection } from './projection.js';

/** The checkpoint of a projection's live tables, or of a generation built beside them. */
export const checkpointNameOf = (projection: Projection | string, generation = ''): string =>
  `projection:${typeof projection === 'string' ? projection : projection.name}${generation ? `:${generation}` : ''}`;
