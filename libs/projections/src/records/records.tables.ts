import type { TableSpec } from '../engine/projection.js';

/** The committee record: directory, meetings, resolutions and actions, kept together so lookups between them agree. */
export const recordsTables = {
  committees: {
    name: 'rm_committees',
    key: 'committee_id',
    // The escalation (post and days) and the committee stream's version, for its page and the If-Match of its form.
    columns: {
      committee_id: 'text',
      name: 'text',
      kind: 'text',
      action_count: 'integer',
      created_at: 'timestamptz',
      escalation_post_id: 'text',
      escalation_after_days: 'integer',
      version: 'integer',
    },
    // GET /committees pages in name order.
    indexes: [['name', 'committee_id']],
  },
  people: {
    name: 'rm_people',
    key: 'person_id',
    columns: { person_id: 'text', name: 'text', email: 'text', identity_subject: 'text' },
    // Authentication looks the token's person claim up here on every request; GET /people pages in name order.
    indexes: [['identity_subject'], ['name', 'person_id']],
  },
  /** What each person has chosen: the emails they want (a missing row means the defaults) and their calendar feed. */
  personSettings: {
    name: 'rm_person_settings',
    key: 'person_id',
    columns: {
      person_id: 'text',
      reminders: 'boolean',
      weekly_digest: 'boolean',
      preferences_set_at: 'timestamptz',
      // The SHA-256 of the feed's secret, never the secret: the feed route hashes what it is given and looks it up.
      calendar_token_hash: 'text',
      calendar_issued_at: 'timestamptz',
    },
    indexes: [['calendar_token_hash']],
  },
  posts: {
    name: 'rm_posts',
    key: 'post_id',
    columns: { post_id: 'text', title: 'text', department: 'text', holder_person_id: 'text', holder_name: 'text', holder_from: 'date' },
    indexes: [['holder_person_id'], ['title', 'post_id']],
  },
  meetings: {
    name: 'rm_meetings',
    key: 'meeting_id',
    columns: {
      meeting_id: 'text',
      committee_id: 'text',
      // The instant rules and ordering use; for a meeting dated without a time, the UK start of its day.
      starts_at: 'timestamptz',
      // The UK date, and whether the minutes gave only that (views then show no time).
      meeting_date: 'date',
      date_only: 'boolean',
      title: 'text',
      location: 'text',
      attendees: 'jsonb',
      items: 'jsonb',
      minutes_approved: 'jsonb',
      version: 'integer',
    },
    indexes: [['committee_id', 'starts_at']],
  },
  resolutions: {
    name: 'rm_resolutions',
    key: 'resolution_id',
    columns: {
      resolution_id: 'text',
      meeting_id: 'text',
      committee_id: 'text',
      item_number: 'text',
      parts: 'jsonb',
      corrections: 'integer',
      passed_at: 'timestamptz',
      corrected_at: 'timestamptz',
      version: 'integer',
    },
    indexes: [['meeting_id']],
  },
  actions: {
    name: 'rm_actions',
    key: 'action_id',
    columns: {
      action_id: 'text',
      ref: 'text',
      committee_id: 'text',
      meeting_id: 'text',
      meeting_starts_at: 'timestamptz',
      item_number: 'text',
      resolution_id: 'text',
      part_label: 'text',
      title: 'text',
      description: 'text',
      owner_post_id: 'text',
      due_date: 'date',
      due_meeting_id: 'text',
      due_on: 'date',
      status: 'text',
      rag: 'text',
      latest_note: 'text',
      latest_update_at: 'timestamptz',
      updates: 'jsonb',
      update_count: 'integer',
      chases: 'jsonb',
      chase_count: 'integer',
      last_chased_at: 'timestamptz',
      assigned_at: 'timestamptz',
      outcome: 'text',
      evidence: 'text',
      completed_at: 'timestamptz',
      closed_at: 'timestamptz',
      sign_off_note: 'text',
      withdrawn_at: 'timestamptz',
      version: 'integer',
      last_position: 'bigint',
      /** When the event that last changed the row was recorded. */
      changed_at: 'timestamptz',
    },
    // Each view in its own order, so that a page is the first rows of one index scan rather than a sort of every
    // action it could show: post queues (only their statuses), the chase list overall and of one committee, the
    // committee's action log (by meeting, then the ref's number as the app's refNumberSql works it out: the
    // expression must stay the same for the planner to match it); the meeting record.
    indexes: [
      { columns: ['owner_post_id', 'due_on', 'action_id'], where: "status IN ('open', 'completed')" },
      ['status', 'due_on', 'action_id'],
      ['committee_id', 'status', 'due_on', 'action_id'],
      {
        columns: ['committee_id', 'meeting_starts_at', "(substring(ref FROM '^A([0-9]{1,9})$')::int)", 'action_id'],
        name: 'log_order_idx',
      },
      ['meeting_id'],
    ],
  },
  /** Every progress note, one row each: the action's row keeps only the latest few, so a chatty action stays small. */
  actionUpdates: {
    name: 'rm_action_updates',
    key: 'update_id',
    appendOnly: true,
    columns: {
      update_id: 'text',
      action_id: 'text',
      version: 'integer',
      note: 'text',
      rag: 'text',
      reported_at: 'timestamptz',
      reported_by: 'text',
    },
    indexes: [['action_id', 'version']],
  },
  /** Scrutiny recommendations for the tracker and the chase list; response status is worked out when read. */
  recommendations: {
    name: 'rm_recommendations',
    key: 'recommendation_id',
    columns: {
      recommendation_id: 'text',
      committee_id: 'text',
      reference: 'text',
      text: 'text',
      source: 'jsonb',
      decision_maker_kind: 'text',
      decision_maker_name: 'text',
      decision_maker_post_id: 'text',
      made_on: 'date',
      /** The RecommendationMade event's global position: the order made within a day. */
      made_position: 'bigint',
      received_on: 'date',
      response_due_on: 'date',
      response: 'text',
      responded_on: 'date',
      response_late: 'boolean',
      response_on_behalf: 'boolean',
      response_published_on: 'date',
      action_ids: 'jsonb',
      last_review_rag: 'text',
      last_reviewed_on: 'date',
      closed_on: 'date',
      /** The latest decision recorded as answering it. */
      decision_id: 'text',
      version: 'integer',
      last_position: 'bigint',
    },
    // The committee's tracker in date order; the chase list's responses awaited. Index names stay short enough
    // (PostgreSQL cuts them at 63 bytes) that a rebuilt generation's names still carry the column list whole.
    indexes: [['committee_id', 'made_on'], { columns: ['response_due_on'], where: 'responded_on IS NULL AND closed_on IS NULL' }],
  },
  /** Executive decisions for the register: call-in status and effective date as the events left them. */
  decisions: {
    name: 'rm_decisions',
    key: 'decision_id',
    columns: {
      decision_id: 'text',
      decision_maker_kind: 'text',
      decision_maker_name: 'text',
      decision_maker_post_id: 'text',
      title: 'text',
      decided_on: 'date',
      key_decision: 'boolean',
      report_ref: 'text',
      recommendation_ids: 'jsonb',
      published_on: 'date',
      call_in_ends_on: 'date',
      /** The day after the call-in period, as published; effective_on is null while a call-in holds it back. */
      period_effective_on: 'date',
      call_in_status: 'text',
      call_in_requested_on: 'date',
      call_in_concluded_on: 'date',
      reconsideration: 'text',
      effective_on: 'date',
      version: 'integer',
      last_position: 'bigint',
    },
    indexes: [
      ['decided_on', 'decision_id'],
      ['call_in_status', 'decided_on', 'decision_id'],
    ],
  },
} as const satisfies Record<string, TableSpec>;

/** How many of an action's latest progress notes its row keeps (the rest are in rm_action_updates). */
export const UPDATES_KEPT_ON_ACTION = 20;

export type RecordsTable = keyof typeof recordsTables;
