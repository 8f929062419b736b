import { found, missing } from '../../../src/shared/lookup.js';
import { given } from '../../support/given-when-then.js';
import type { AppointPostHolder, CreatePost, VacatePost } from '../../../src/directory/post/post.commands.js';
import { postDecider } from '../../../src/directory/post/post.decider.js';
import type { PostCreated, PostHolderAppointed, PostHolderVacated } from '../../../src/directory/post/post.events.js';

const now = '2017-01-10T09:00:00Z';
const later = '2017-03-01T09:00:00Z';
const postId = 'post-pm-tt';

const create = (overrides: Partial<CreatePost['data']> = {}): CreatePost => ({
  type: 'CreatePost',
  data: { postId, title: 'Project Manager', department: 'Transformation & Technology', now, ...overrides },
});
const appoint = (personId: string, overrides: Partial<AppointPostHolder['data']> = {}): AppointPostHolder => ({
  type: 'AppointPostHolder',
  data: { postId, personId, now, facts: { person: found({}) }, ...overrides },
});
const vacate = (at = later): VacatePost => ({ type: 'VacatePost', data: { postId, now: at } });

const created: PostCreated = {
  type: 'PostCreated',
  data: { postId, title: 'Project Manager', department: 'Transformation & Technology', createdAt: now },
};
const appointed = (personId: string, from = '2017-01-10', appointedAt = now): PostHolderAppointed => ({
  type: 'PostHolderAppointed',
  data: { postId, personId, from, appointedAt },
});
const vacated = (personId: string, at = later): PostHolderVacated => ({
  type: 'PostHolderVacated',
  data: { postId, personId, at },
});

describe('post decider', () => {
  describe('CreatePost', () => {
    it('creates a post', () => {
      const state = given(postDecider)([]).when(create()).then([created]);
      expect(state).toEqual({ exists: true, ...created.data });
    });

    it('refuses to create the same post twice (conflict)', () => {
      given(postDecider)([created]).when(create()).thenThrows('post-already-exists', 'conflict');
    });

    it('refuses a blank title (invalid)', () => {
      given(postDecider)([])
        .when(create({ title: '' }))
        .thenThrows('title-required', 'invalid');
    });
  });

  describe('AppointPostHolder', () => {
    it('appoints a holder from the date of now by default', () => {
      const state = given(postDecider)([created])
        .when(appoint('tony'))
        .then([appointed('tony')]);
      expect(state).toMatchObject({ holder: { personId: 'tony', from: '2017-01-10' } });
    });

    it('appoints from an explicit date', () => {
      given(postDecider)([created])
        .when(appoint('tony', { from: '2016-12-01' }))
        .then([appointed('tony', '2016-12-01')]);
    });

    it('vacates the current holder first when the post is held', () => {
      const state = given(postDecider)([created, appointed('tony')])
        .when(appoint('kate', { now: later }))
        .then([vacated('tony'), appointed('kate', '2017-03-01', later)]);
      expect(state).toMatchObject({ holder: { personId: 'kate', from: '2017-03-01' } });
    });

    it('refuses on a post that does not exist (not-found)', () => {
      given(postDecider)([]).when(appoint('tony')).thenThrows('post-not-found', 'not-found');
    });

    it('refuses a person who does not exist (not-found)', () => {
      given(postDecider)([created])
        .when(appoint('ghost', { facts: { person: missing } }))
        .thenThrows('person-not-found', 'not-found');
    });

    it('refuses to re-appoint the current holder (conflict)', () => {
      given(postDecider)([created, appointed('tony')])
        .when(appoint('tony'))
        .thenThrows('post-holder-already-appointed', 'conflict');
    });
  });

  describe('VacatePost', () => {
    it('vacates the holder', () => {
      const state = given(postDecider)([created, appointed('tony')])
        .when(vacate())
        .then([vacated('tony')]);
      expect(state).toEqual({ exists: true, ...created.data });
    });

    it('refuses to vacate an empty post (conflict)', () => {
      given(postDecider)([created]).when(vacate()).thenThrows('post-already-vacant', 'conflict');
    });

    it('refuses to vacate a post again once vacated (conflict)', () => {
      given(postDecider)([created, appointed('tony'), vacated('tony')])
        .when(vacate())
        .thenThrows('post-already-vacant', 'conflict');
    });

    it('refuses on a post that does not exist (not-found)', () => {
      given(postDecider)([]).when(vacate()).thenThrows('post-not-found', 'not-found');
    });
  });

  describe('evolve', () => {
    it('starts as not existing', () => {
      expect(given(postDecider)([]).state()).toEqual({ exists: false });
    });

    it('folds the holder history into the current holder', () => {
      const state = given(postDecider)([created, appointed('tony'), vacated('tony'), appointed('kate', '2017-04-01')]).state();
      expect(state).toEqual({ exists: true, ...created.data, holder: { personId: 'kate', from: '2017-04-01' } });
    });

    it('ignores holder events before the post exists', () => {
      expect(given(postDecider)([appointed('tony')]).state()).toEqual({ exists: false });
    });
  });
});
