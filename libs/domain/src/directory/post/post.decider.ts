import type { Decider } from '../../shared/decider.js';
import { conflict, notFound, unknownCommand } from '../../shared/errors.js';
import { requireText } from '../../shared/rules.js';
import { dateOf } from '../../shared/time.js';
import type { AppointPostHolder, CreatePost, PostCommand, VacatePost } from './post.commands.js';
import type { PostEvent, PostHolderVacated } from './post.events.js';

export type PostHolder = { readonly personId: string; readonly from: string };

export type PostRecord = {
  readonly exists: true;
  readonly postId: string;
  readonly title: string;
  readonly department?: string;
  readonly createdAt: string;
  readonly holder?: PostHolder;
};

export type PostState = { readonly exists: false } | PostRecord;

export const initialPostState = (): PostState => ({ exists: false });

const existingPost = (state: PostState, postId: string): PostRecord => {
  if (!state.exists) throw notFound('post-not-found', `Post ${postId} does not exist`, { postId });
  return state;
};

const create = ({ data }: CreatePost, state: PostState): PostEvent[] => {
  if (state.exists) {
    throw conflict('post-already-exists', `Post ${state.postId} already exists`, { postId: state.postId });
  }
  requireText(data.title, 'title');
  return [
    {
      type: 'PostCreated',
      data: { postId: data.postId, title: data.title, department: data.department, createdAt: data.now },
    },
  ];
};

/**
 * Appointing to a held post vacates the current holder first (PostHolderVacated, then
 * PostHolderAppointed): staff changes are routine and the actions stay with the post, so
 * forcing a separate vacate call would only add a window with nobody to chase.
 */
const appoint = ({ data }: AppointPostHolder, state: PostState): PostEvent[] => {
  const post = existingPost(state, data.postId);
  if (!data.facts.person.exists) {
    throw notFound('person-not-found', `Person ${data.personId} does not exist`, { personId: data.personId });
  }
  if (post.holder?.personId === data.personId) {
    throw conflict('post-holder-already-appointed', `Person ${data.personId} already holds post ${post.postId}`, {
      postId: post.postId,
      personId: data.personId,
    });
  }
  const vacated: PostHolderVacated[] = post.holder
    ? [{ type: 'PostHolderVacated', data: { postId: post.postId, personId: post.holder.personId, at: data.now } }]
    : [];
  return [
    ...vacated,
    {
      type: 'PostHolderAppointed',
      data: {
        postId: post.postId,
        personId: data.personId,
        from: data.from ?? dateOf(data.now),
        appointedAt: data.now,
      },
    },
  ];
};

const vacate = ({ data }: VacatePost, state: PostState): PostEvent[] => {
  const post = existingPost(state, data.postId);
  if (!post.holder) throw conflict('post-already-vacant', `Post ${post.postId} has no holder`, { postId: post.postId });
  return [{ type: 'PostHolderVacated', data: { postId: post.postId, personId: post.holder.personId, at: data.now } }];
};

export const decidePost = (command: PostCommand, state: PostState): PostEvent[] => {
  switch (command.type) {
    case 'CreatePost':
      return create(command, state);
    case 'AppointPostHolder':
      return appoint(command, state);
    case 'VacatePost':
      return vacate(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const evolvePost = (state: PostState, event: PostEvent): PostState => {
  switch (event.type) {
    case 'PostCreated':
      return { exists: true, ...event.data };
    case 'PostHolderAppointed':
      if (!state.exists) return state;
      return { ...state, holder: { personId: event.data.personId, from: event.data.from } };
    case 'PostHolderVacated': {
      if (!state.exists) return state;
      const { holder: _vacated, ...vacant } = state;
      return vacant;
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const postDecider: Decider<PostCommand, PostEvent, PostState> = {
  decide: decidePost,
  evolve: evolvePost,
  initialState: initialPostState,
};
