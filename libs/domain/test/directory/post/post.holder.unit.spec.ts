import type { PostState } from '../../../src/directory/post/post.decider.js';
import { holdsPostOn } from '../../../src/directory/post/post.holder.js';

const heldFrom = (from: string): PostState => ({
  exists: true,
  postId: 'post-1',
  title: 'Project Manager',
  createdAt: '2017-01-01T00:00:00Z',
  holder: { personId: 'tony', from },
});

describe('holdsPostOn', () => {
  it('is true for the holder from the first day of the appointment', () => {
    expect(holdsPostOn(heldFrom('2017-01-02'), 'tony', new Date('2017-01-02T09:00:00Z'))).toBe(true);
  });

  it('is false for anyone else, for a vacant post and for a post that does not exist', () => {
    expect(holdsPostOn(heldFrom('2017-01-02'), 'someone-else', new Date('2017-01-03T09:00:00Z'))).toBe(false);
    expect(
      holdsPostOn({ exists: true, postId: 'post-1', title: 'Project Manager', createdAt: '2017-01-01T00:00:00Z' }, 'tony', new Date()),
    ).toBe(false);
    expect(holdsPostOn({ exists: false }, 'tony', new Date())).toBe(false);
  });

  it('counts the day in UK time: 23:30 UTC in summer is already the next day in London', () => {
    expect(holdsPostOn(heldFrom('2017-07-02'), 'tony', new Date('2017-07-01T23:30:00Z'))).toBe(true);
    expect(holdsPostOn(heldFrom('2017-01-02'), 'tony', new Date('2017-01-01T23:30:00Z'))).toBe(false);
  });
});
