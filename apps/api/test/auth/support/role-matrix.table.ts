import { randomUUID } from 'node:crypto';
import type { Role } from '../../../src/platform/auth/roles.js';
import { ukToday, type DecisionStage, type MatrixWorld, type RecommendationStage, type Setup } from './role-matrix.world.js';

export interface MatrixRequest {
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: object;
}

export interface MatrixEndpoint {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** As the OpenAPI document writes it. */
  readonly path: string;
  /** `public` for routes anyone may call without a token. */
  readonly allowed: readonly Role[] | 'public';
  /** An officer holding the post that owns the action may call it too. */
  readonly ownerOfAction?: true;
  /** Roles the route lets through whose request the domain then refuses (403 with its own problem type). */
  readonly domainRefuses?: { readonly roles: readonly Role[]; readonly code: string };
  /** What an allowed caller gets. */
  readonly success: 200 | 201;
  /** The request for an allowed caller, on fresh resources where a repeat would conflict; refused callers name the world's ids. */
  readonly request: (w: MatrixWorld, setup: Setup, caller: Record<string, string>) => MatrixRequest | Promise<MatrixRequest>;
}

const STAFF: readonly Role[] = ['scrutiny', 'admin'];
const EVERY_ROLE: readonly Role[] = ['officer', 'member', 'scrutiny', 'monitoring', 'admin'];
const OFFICER_READS: readonly Role[] = ['officer', 'scrutiny', 'monitoring', 'admin'];
const AUDIT: readonly Role[] = ['monitoring', 'admin'];
const unique = () => randomUUID().slice(0, 8);

/** Every endpoint of the API with who may call it; the spec fails when the OpenAPI document lists one not here. */
export const ENDPOINTS: readonly MatrixEndpoint[] = [
  { method: 'get', path: '/health', allowed: 'public', success: 200, request: () => ({ path: '/health' }) },
  { method: 'get', path: '/health/live', allowed: 'public', success: 200, request: () => ({ path: '/health/live' }) },
  { method: 'get', path: '/metrics', allowed: 'public', success: 200, request: () => ({ path: '/metrics' }) },
  {
    method: 'get',
    path: '/api/v1/public/committees/{committeeId}/action-log',
    allowed: 'public',
    success: 200,
    request: (w) => ({ path: `/api/v1/public/committees/${w.committeeId}/action-log` }),
  },

  {
    method: 'post',
    path: '/api/v1/people',
    allowed: STAFF,
    success: 201,
    request: () => ({ path: '/api/v1/people', body: { name: `Pat ${unique()}` } }),
  },
  {
    method: 'get',
    path: '/api/v1/people',
    allowed: ['scrutiny', 'monitoring', 'admin'],
    success: 200,
    request: () => ({ path: '/api/v1/people', query: { name: 'pat' } }),
  },
  {
    method: 'get',
    path: '/api/v1/people/{personId}',
    allowed: ['scrutiny', 'monitoring', 'admin'],
    success: 200,
    request: (w) => ({ path: `/api/v1/people/${w.personId}` }),
  },
  {
    method: 'post',
    path: '/api/v1/posts',
    allowed: STAFF,
    success: 201,
    request: () => ({ path: '/api/v1/posts', body: { title: `Post ${unique()}` } }),
  },
  {
    method: 'post',
    path: '/api/v1/posts/{postId}/holder',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/posts/${await s.post()}/holder`, body: { personId: w.otherPersonId } }),
  },
  {
    method: 'delete',
    path: '/api/v1/posts/{postId}/holder',
    allowed: STAFF,
    success: 200,
    request: async (_w, s) => ({ path: `/api/v1/posts/${await s.heldPost()}/holder` }),
  },
  {
    method: 'get',
    path: '/api/v1/posts',
    allowed: OFFICER_READS,
    success: 200,
    request: () => ({ path: '/api/v1/posts', query: { title: 'post' } }),
  },
  {
    method: 'get',
    path: '/api/v1/posts/{postId}',
    allowed: OFFICER_READS,
    success: 200,
    request: (w) => ({ path: `/api/v1/posts/${w.postId}` }),
  },
  {
    method: 'get',
    path: '/api/v1/posts/{postId}/queue',
    allowed: OFFICER_READS,
    success: 200,
    request: (w) => ({ path: `/api/v1/posts/${w.postId}/queue` }),
  },

  {
    method: 'post',
    path: '/api/v1/committees',
    allowed: STAFF,
    success: 201,
    request: () => ({ path: '/api/v1/committees', body: { name: `Committee ${unique()}`, kind: 'scrutiny' } }),
  },
  {
    method: 'get',
    path: '/api/v1/committees',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/committees', query: { limit: '5' } }),
  },
  {
    method: 'put',
    path: '/api/v1/committees/{committeeId}/escalation',
    allowed: STAFF,
    success: 200,
    request: (w) => ({ path: `/api/v1/committees/${w.committeeId}/escalation`, body: { escalationPostId: w.otherPostId, afterDays: 14 } }),
  },
  {
    method: 'get',
    path: '/api/v1/committees/{committeeId}/meetings',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/committees/${w.committeeId}/meetings` }),
  },
  {
    method: 'get',
    path: '/api/v1/committees/{committeeId}',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/committees/${w.committeeId}` }),
  },
  {
    method: 'get',
    path: '/api/v1/committees/{committeeId}/action-log',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/committees/${w.committeeId}/action-log` }),
  },
  {
    method: 'post',
    path: '/api/v1/meetings',
    allowed: STAFF,
    success: 201,
    request: (w) => ({ path: '/api/v1/meetings', body: { committeeId: w.committeeId, startsAt: '2017-03-20T18:00:00Z' } }),
  },
  {
    method: 'post',
    path: '/api/v1/meetings/{meetingId}/attendance',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({
      path: `/api/v1/meetings/${await s.meeting(w)}/attendance`,
      body: { attendees: [{ name: 'Cllr Jones', role: 'chair', status: 'present' }] },
    }),
  },
  {
    method: 'post',
    path: '/api/v1/meetings/{meetingId}/items',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/meetings/${await s.meeting(w)}/items`, body: { number: '01', title: 'Apologies' } }),
  },
  {
    method: 'post',
    path: '/api/v1/meetings/{meetingId}/minutes-approval',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({
      path: `/api/v1/meetings/${await s.meeting(w)}/minutes-approval`,
      body: { approvedAtMeetingId: w.laterMeetingId },
    }),
  },
  {
    method: 'get',
    path: '/api/v1/meetings/{meetingId}',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/meetings/${w.meetingId}` }),
  },

  {
    method: 'post',
    path: '/api/v1/meetings/{meetingId}/resolutions',
    allowed: STAFF,
    success: 201,
    request: async (w, s) => ({
      path: `/api/v1/meetings/${await s.meetingWithItem(w)}/resolutions`,
      body: { itemNumber: '01', parts: [{ label: '(i)', text: 'Noted.', kind: 'noted' }] },
    }),
  },
  {
    method: 'post',
    path: '/api/v1/resolutions/{resolutionId}/corrections',
    allowed: STAFF,
    success: 200,
    request: (w) => ({
      path: `/api/v1/resolutions/${w.resolutionId}/corrections`,
      body: {
        reason: `Typing error ${unique()}`,
        parts: [
          { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
          { label: '(ii)', text: `That the Project Manager be instructed to collate final metrics (${unique()})`, kind: 'instructed' },
        ],
      },
    }),
  },
  {
    method: 'get',
    path: '/api/v1/resolutions/{resolutionId}',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/resolutions/${w.resolutionId}` }),
  },
  {
    method: 'get',
    path: '/api/v1/resolutions/{resolutionId}/history',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/resolutions/${w.resolutionId}/history` }),
  },

  {
    method: 'post',
    path: '/api/v1/recommendations',
    allowed: STAFF,
    success: 201,
    request: (w) => ({ path: '/api/v1/recommendations', body: recommendationOf(w) }),
  },
  ...recommendationSteps(),
  ...decisionEndpoints(),
  {
    method: 'get',
    path: '/api/v1/recommendations/{recommendationId}',
    allowed: EVERY_ROLE,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/recommendations/${await s.recommendation(w, 'made')}` }),
  },

  {
    method: 'post',
    path: '/api/v1/actions',
    allowed: STAFF,
    success: 201,
    request: (w) => ({
      path: '/api/v1/actions',
      body: { resolutionId: w.resolutionId, partLabel: '(ii)', title: 'Collate metrics', ownerPostId: w.postId, dueDate: '2017-02-15' },
    }),
  },
  {
    method: 'get',
    path: '/api/v1/actions/{actionId}',
    allowed: OFFICER_READS,
    success: 200,
    request: (w) => ({ path: `/api/v1/actions/${w.actionId}` }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/progress',
    allowed: STAFF,
    ownerOfAction: true,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/actions/${await s.action(w)}/progress`, body: { note: 'Figures requested', rag: 'amber' } }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/completion',
    allowed: STAFF,
    ownerOfAction: true,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/actions/${await s.action(w)}/completion`, body: { outcome: 'Circulated' } }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/sign-off',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/actions/${await s.completedAction(w)}/sign-off`, body: {} }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/reopen',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/actions/${await s.closedAction(w)}/reopen`, body: { reason: 'Figures disputed' } }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/due-date',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({
      path: `/api/v1/actions/${await s.action(w)}/due-date`,
      body: { dueDate: '2017-03-20', reason: 'Data changing daily' },
    }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/reassignment',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({
      path: `/api/v1/actions/${await s.action(w)}/reassignment`,
      body: { ownerPostId: w.otherPostId, reason: 'Restructure' },
    }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/chase',
    allowed: STAFF,
    success: 200,
    request: (w) => ({ path: `/api/v1/actions/${w.actionId}/chase`, body: {} }),
  },
  {
    method: 'post',
    path: '/api/v1/actions/{actionId}/withdrawal',
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/actions/${await s.action(w)}/withdrawal`, body: { reason: 'Superseded' } }),
  },

  {
    method: 'post',
    path: '/api/v1/metric-snapshots',
    allowed: STAFF,
    ownerOfAction: true,
    success: 201,
    request: (w) => ({
      path: '/api/v1/metric-snapshots',
      body: {
        subject: 'Adult Social Care',
        asOf: '2017-01-31',
        source: 'HR',
        actionId: w.actionId,
        values: [{ metric: 'turnover-rate', value: 9, unit: '%' }],
      },
    }),
  },
  {
    method: 'post',
    path: '/api/v1/metric-snapshots/{snapshotId}/corrections',
    allowed: STAFF,
    ownerOfAction: true,
    success: 200,
    request: async (w, s) => ({
      path: `/api/v1/metric-snapshots/${await s.snapshot(w.actionId)}/corrections`,
      body: { values: [{ metric: 'vacancy-rate', value: 13, unit: '%' }], reason: 'Late returns' },
    }),
  },
  {
    method: 'get',
    path: '/api/v1/metric-snapshots/{snapshotId}',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/metric-snapshots/${w.snapshotId}` }),
  },
  {
    method: 'get',
    path: '/api/v1/metrics/{metric}/series',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/metrics/vacancy-rate/series', query: { subject: 'Adult Social Care' } }),
  },

  { method: 'get', path: '/api/v1/me/queue', allowed: [...EVERY_ROLE], success: 200, request: () => ({ path: '/api/v1/me/queue' }) },
  {
    method: 'get',
    path: '/api/v1/me/notification-preferences',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/me/notification-preferences' }),
  },
  {
    method: 'put',
    path: '/api/v1/me/notification-preferences',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/me/notification-preferences', body: { reminders: false, weeklyDigest: true } }),
  },
  {
    method: 'get',
    path: '/api/v1/people/{personId}/notification-preferences',
    allowed: ['scrutiny', 'monitoring', 'admin'],
    success: 200,
    request: (w) => ({ path: `/api/v1/people/${w.personId}/notification-preferences` }),
  },
  {
    method: 'put',
    path: '/api/v1/people/{personId}/notification-preferences',
    allowed: STAFF,
    success: 200,
    request: (w) => ({ path: `/api/v1/people/${w.personId}/notification-preferences`, body: { reminders: true, weeklyDigest: false } }),
  },
  {
    method: 'get',
    path: '/api/v1/me/calendar-feed',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/me/calendar-feed' }),
  },
  {
    method: 'post',
    path: '/api/v1/me/calendar-feed',
    allowed: EVERY_ROLE,
    success: 201,
    request: () => ({ path: '/api/v1/me/calendar-feed' }),
  },
  {
    method: 'delete',
    path: '/api/v1/me/calendar-feed',
    allowed: EVERY_ROLE,
    success: 200,
    request: async (_w, setup, caller) => {
      await setup.calendarFeedFor(caller);
      return { path: '/api/v1/me/calendar-feed' };
    },
  },
  {
    method: 'get',
    path: '/api/v1/calendar/{token}.ics',
    allowed: 'public',
    success: 200,
    request: async (w, setup) => ({ path: new URL(await setup.calendarFeedUrl(w.personId)).pathname }),
  },
  {
    method: 'get',
    path: '/api/v1/overdue',
    allowed: ['scrutiny', 'monitoring', 'admin'],
    success: 200,
    request: () => ({ path: '/api/v1/overdue' }),
  },
  {
    method: 'get',
    path: '/api/v1/committees/{committeeId}/recommendations',
    allowed: EVERY_ROLE,
    success: 200,
    request: (w) => ({ path: `/api/v1/committees/${w.committeeId}/recommendations`, query: { municipalYear: '2014/15' } }),
  },
  {
    method: 'get',
    path: '/api/v1/decisions',
    allowed: EVERY_ROLE,
    success: 200,
    request: () => ({ path: '/api/v1/decisions', query: { callInStatus: 'none' } }),
  },

  { method: 'get', path: '/api/v1/audit/events', allowed: AUDIT, success: 200, request: () => ({ path: '/api/v1/audit/events' }) },
  {
    method: 'get',
    path: '/api/v1/audit/streams/{streamId}',
    allowed: AUDIT,
    success: 200,
    request: (w) => ({ path: `/api/v1/audit/streams/action-${w.actionId}` }),
  },
  { method: 'get', path: '/api/v1/audit/verify', allowed: AUDIT, success: 200, request: () => ({ path: '/api/v1/audit/verify' }) },
];

function recommendationOf(w: MatrixWorld): object {
  return {
    committeeId: w.committeeId,
    resolutionId: w.resolutionId,
    partLabel: '(ii)',
    reference: unique(),
    text: 'That the Executive fund the metrics work',
    decisionMaker: { kind: 'executive', name: 'the Executive' },
    madeOn: '2017-01-16',
  };
}

/** Each step after making, on a fresh recommendation at the stage the step needs. */
function recommendationSteps(): MatrixEndpoint[] {
  const step = (path: string, stage: RecommendationStage, body: object, extra: Partial<MatrixEndpoint> = {}): MatrixEndpoint => ({
    method: 'post',
    path: `/api/v1/recommendations/{recommendationId}/${path}`,
    allowed: STAFF,
    success: 200,
    request: async (w, s) => ({ path: `/api/v1/recommendations/${await s.recommendation(w, stage)}/${path}`, body }),
    ...extra,
  });
  return [
    step('sending', 'made', { receivedOn: '2017-01-20' }),
    step(
      'response',
      'sent',
      { response: 'accepted', reasons: 'Agreed', respondedOn: '2017-02-01' },
      { domainRefuses: { roles: ['officer', 'member'], code: 'not-the-decision-maker' } },
    ),
    step('response-publication', 'accepted', { publishedOn: '2017-02-02' }),
    {
      ...step('implementation-actions', 'accepted', {}),
      request: async (w, s) => ({
        path: `/api/v1/recommendations/${await s.recommendation(w, 'accepted')}/implementation-actions`,
        body: { actionId: w.actionId },
      }),
    },
    step('reviews', 'accepted', { rag: 'amber', evidence: 'Under way', reviewedOn: '2017-02-20' }),
    step('closure', 'accepted', { agreedOn: '2017-02-20' }),
  ];
}

/** Executive decisions: recorded for the Executive (no post), so officers and members are refused by the domain. */
function decisionEndpoints(): MatrixEndpoint[] {
  const notTheDecisionMaker = { roles: ['officer', 'member'], code: 'not-the-decision-maker' } as const;
  const step = (path: string, stage: DecisionStage, body: object, extra: Partial<MatrixEndpoint> = {}): MatrixEndpoint => ({
    method: 'post',
    path: `/api/v1/decisions/{decisionId}/${path}`,
    allowed: STAFF,
    success: 200,
    request: async (_w, s) => ({ path: `/api/v1/decisions/${await s.decision(stage)}/${path}`, body }),
    ...extra,
  });
  return [
    {
      method: 'post',
      path: '/api/v1/decisions',
      allowed: STAFF,
      domainRefuses: notTheDecisionMaker,
      success: 201,
      request: () => ({
        path: '/api/v1/decisions',
        body: {
          decisionMaker: { kind: 'executive', name: 'the Executive' },
          title: 'Metrics work',
          decision: `Fund the metrics work (${unique()})`,
          decidedOn: '2017-01-20',
          keyDecision: false,
          reasons: 'Needed',
        },
      }),
    },
    step('publication', 'recorded', { publishedOn: '2017-01-23' }),
    step('call-in', 'published', { members: ['Cllr A'], reasons: 'Costs' }, { allowed: ['member', 'scrutiny', 'admin'] }),
    step('call-in-outcome', 'called-in', {
      outcome: 'upheld',
      concludedOn: ukToday(),
    }),
    step(
      'reconsideration',
      'referred',
      { outcome: 'confirmed', reasons: 'Costs shown', decidedOn: ukToday() },
      { domainRefuses: notTheDecisionMaker },
    ),
    {
      method: 'get',
      path: '/api/v1/decisions/{decisionId}',
      allowed: EVERY_ROLE,
      success: 200,
      request: async (_w, s) => ({ path: `/api/v1/decisions/${await s.decision('recorded')}` }),
    },
  ];
}
