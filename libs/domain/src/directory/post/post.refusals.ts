import type { CommandRefusals } from '../../shared/refusals.js';
import type { PostCommand } from './post.commands.js';

/** Every refusal the post decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const postRefusals = {
  CreatePost: { conflict: ['post-already-exists'], invalid: ['title-required'] },
  AppointPostHolder: { conflict: ['post-holder-already-appointed'], 'not-found': ['person-not-found', 'post-not-found'] },
  VacatePost: { conflict: ['post-already-vacant'], 'not-found': ['post-not-found'] },
} as const satisfies CommandRefusals<PostCommand['type']>;
