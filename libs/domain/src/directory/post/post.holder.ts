import { ukDateOf } from '../../shared/time.js';
import type { PostState } from './post.decider.js';

/** `from` is a calendar date in UK time; an appointment that starts tomorrow does not count today. */
export function holdsPostOn(post: PostState, personId: string, now: Date): boolean {
  const holder = post.exists ? post.holder : undefined;
  return holder?.personId === personId && holder.from <= ukDateOf(now);
}
