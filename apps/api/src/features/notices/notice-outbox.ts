import { Inject, Injectable } from '@nestjs/common';
import { migrate, type Migration, type SqlDatabase } from '#event-store';
import type { NoticeKind } from '#domain';
import { SQL_DATABASE } from '#runtime';
import type { RenderedMessage } from './notice-message.js';

/** Append-only: add a version, never edit a released one. */
const outboxMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'notice outbox',
    sql: `
      CREATE TABLE notice_outbox (
        key text PRIMARY KEY,
        action_id text,
        kind text NOT NULL,
        recipient_person_id text NOT NULL,
        recipient_post_id text,
        recipient_email text NOT NULL,
        due_on text,
        notice_on text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX notice_outbox_pending_idx ON notice_outbox (next_attempt_at) WHERE state = 'pending';
    `,
  },
];

type OutboxCommon = {
  readonly key: string;
  readonly recipientPersonId: string;
  readonly recipientEmail: string;
  /** The UK date the notice fell due (a digest: the Monday of its week). */
  readonly noticeOn: string;
  readonly message: RenderedMessage;
};

/** A notice about one action, recorded on the action's history once sent. */
export type ActionOutboxNotice = OutboxCommon & {
  readonly kind: NoticeKind;
  readonly actionId: string;
  readonly recipientPostId: string;
  readonly dueOn?: string;
};

/** An officer's weekly digest of their open actions: about no one action, so recorded only here. */
export type DigestOutboxNotice = OutboxCommon & { readonly kind: 'digest' };

export type OutboxNotice = ActionOutboxNotice | DigestOutboxNotice;

export type PendingNotice = OutboxNotice & { readonly attempts: number };

export type OutboxStats = { readonly pending: number; readonly oldestPendingSeconds: number };

type PendingRow = {
  key: string;
  action_id: string | null;
  kind: NoticeKind | 'digest';
  recipient_person_id: string;
  recipient_post_id: string | null;
  recipient_email: string;
  due_on: string | null;
  notice_on: string;
  subject: string;
  body_text: string;
  body_html: string;
  attempts: number;
};

/**
 * Every notice is written here before it is sent, once per key: a notice found due again, or a chase read
 * again after a restart, is the same row. A row stays pending until the action records it.
 */
@Injectable()
export class NoticeOutbox {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async migrate(): Promise<void> {
    await migrate(this.db, outboxMigrations, 'notices_schema_migrations');
  }

  /** True when the notice is new; false when its key was already in the outbox. */
  async add(notice: OutboxNotice): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO notice_outbox (key, action_id, kind, recipient_person_id, recipient_post_id, recipient_email, due_on, notice_on,
                                  subject, body_text, body_html)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [
        notice.key,
        notice.kind === 'digest' ? null : notice.actionId,
        notice.kind,
        notice.recipientPersonId,
        notice.kind === 'digest' ? null : notice.recipientPostId,
        notice.recipientEmail,
        notice.kind === 'digest' ? null : (notice.dueOn ?? null),
        notice.noticeOn,
        notice.message.subject,
        notice.message.text,
        notice.message.html,
      ],
    );
    return rows.length > 0;
  }

  /** Pending notices whose next attempt has come, oldest first. */
  async due(limit: number): Promise<PendingNotice[]> {
    const { rows } = await this.db.query<PendingRow>(
      `SELECT key, action_id, kind, recipient_person_id, recipient_post_id, recipient_email, due_on, notice_on,
              subject, body_text, body_html, attempts
         FROM notice_outbox
        WHERE state = 'pending' AND next_attempt_at <= now()
        ORDER BY enqueued_at, key
        LIMIT $1`,
      [limit],
    );
    return rows.map(pendingOf);
  }

  async markSent(key: string): Promise<void> {
    await this.db.query(`UPDATE notice_outbox SET state = 'sent', sent_at = now(), last_error = NULL WHERE key = $1`, [key]);
  }

  /** The action was closed or withdrawn, or its post changed hands, before the notice could go: it is not sent at all. */
  async markCancelled(key: string): Promise<void> {
    await this.db.query(`UPDATE notice_outbox SET state = 'cancelled', last_error = NULL WHERE key = $1 AND state = 'pending'`, [key]);
  }

  async markFailed(key: string, retryInMs: number, error: string): Promise<void> {
    await this.db.query(
      `UPDATE notice_outbox
          SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + ($3::integer * interval '1 millisecond')
        WHERE key = $1 AND state = 'pending'`,
      [key, error.slice(0, 1000), retryInMs],
    );
  }

  async stats(): Promise<OutboxStats> {
    const { rows } = await this.db.query<{ pending: string; oldest: string | null }>(
      `SELECT count(*)::text AS pending, extract(epoch FROM now() - min(enqueued_at))::text AS oldest
         FROM notice_outbox WHERE state = 'pending'`,
    );
    const row = rows[0];
    return { pending: Number(row?.pending ?? 0), oldestPendingSeconds: row?.oldest ? Math.max(0, Number(row.oldest)) : 0 };
  }
}

function pendingOf(row: PendingRow): PendingNotice {
  const common = {
    key: row.key,
    recipientPersonId: row.recipient_person_id,
    recipientEmail: row.recipient_email,
    noticeOn: row.notice_on,
    message: { subject: row.subject, text: row.body_text, html: row.body_html },
    attempts: Number(row.attempts),
  };
  if (row.kind === 'digest') return { ...common, kind: 'digest' };
  return {
    ...common,
    kind: row.kind,
    actionId: row.action_id ?? '',
    recipientPostId: row.recipient_post_id ?? '',
    ...(row.due_on === null ? {} : { dueOn: row.due_on }),
  };
}
