import type { Lookup } from '../../shared/lookup.js';

export type CreatePost = {
  readonly type: 'CreatePost';
  readonly data: {
    readonly postId: string;
    readonly title: string;
    readonly department?: string;
    readonly now: string;
  };
};

export type AppointPostHolder = {
  readonly type: 'AppointPostHolder';
  readonly data: {
    readonly postId: string;
    readonly personId: string;
    /** YYYY-MM-DD; defaults to the date of `now`. */
    readonly from?: string;
    readonly now: string;
    /** The person's stream as loaded by the application layer (a PersonState fits). */
    readonly facts: { readonly person: Lookup };
  };
};

export type VacatePost = {
  readonly type: 'VacatePost';
  readonly data: {
    readonly postId: string;
    readonly now: string;
  };
};

export type PostCommand = CreatePost | AppointPostHolder | VacatePost;
