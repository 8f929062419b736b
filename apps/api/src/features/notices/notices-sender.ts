import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ukDateOf } from '#domain';
import type { SqlDatabase } from '#event-store';
import { leaderLockFor, type LeaderLock } from '#projections';
import { SQL_DATABASE } from '#runtime';
import { Clock } from '../shared/clock.js';
import { ChaseNotices } from './chase-notices.js';
import { NoticeMailer } from './notice-mailer.js';
import { NoticeOutbox, type ActionOutboxNotice, type PendingNotice } from './notice-outbox.js';
import { NoticeReadModel } from './notice-read-model.js';
import { NoticeRecorder } from './notice-recorder.js';
import { NoticeScheduler } from './notice-scheduler.js';
import { WeeklyDigests } from './weekly-digests.js';
import { NoticesSettings } from './notices-settings.js';

const SENDER_LOCK = 'notices-sender';
const BATCH = 50;

export type NoticesSenderStatus = {
  readonly enabled: boolean;
  readonly leading: boolean;
  /** Failed sends in a row; 0 once a send succeeds. */
  readonly consecutiveFailures: number;
  readonly lastError: string | undefined;
  readonly sendFailures: number;
};

type Listener = { sent(kind: string): void; failed(): void };

/**
 * The one sender (the leader lock: every process on the embedded store, one of several on PostgreSQL) puts
 * due notices and new chases in the outbox, then sends what is pending. A notice is sent, then recorded on the
 * action, then marked sent: a crash after sending resends it (never skips it), and a pending notice the action
 * already records is only marked sent. A failed send backs off exponentially and leaves the notice pending.
 */
@Injectable()
export class NoticesSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notices');
  private readonly lock: LeaderLock;
  private serial: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private consecutiveFailures = 0;
  private sendFailures = 0;
  private lastError: string | undefined;
  private listener: Listener | undefined;

  constructor(
    @Inject(SQL_DATABASE) db: SqlDatabase,
    private readonly settings: NoticesSettings,
    private readonly outbox: NoticeOutbox,
    private readonly chases: ChaseNotices,
    private readonly scheduler: NoticeScheduler,
    private readonly digests: WeeklyDigests,
    private readonly mailer: NoticeMailer,
    private readonly recorder: NoticeRecorder,
    private readonly readModel: NoticeReadModel,
    private readonly clock: Clock,
  ) {
    this.lock = leaderLockFor(db, SENDER_LOCK);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled) {
      this.logger.log(
        'Email notices are off: SMTP_URL is not set (no reminders, overdue notices, escalations, chase emails or weekly digests)',
      );
      return;
    }
    const { smtpUrl, intervalMs } = this.settings.config;
    await this.outbox.migrate();
    await this.chases.start();
    this.logger.log(`Email notices are on: sending through ${withoutCredentials(smtpUrl)}, looking every ${intervalMs} ms`);
    this.schedule(intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.serial;
    await this.lock.release();
  }

  observe(listener: Listener): void {
    this.listener = listener;
  }

  status(): NoticesSenderStatus {
    return {
      enabled: this.settings.enabled,
      leading: this.lock.held,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      sendFailures: this.sendFailures,
    };
  }

  /** One pass: what is due today (by the clock), new chases, then the pending notices. Passes never overlap. */
  runOnce(): Promise<void> {
    const pass = this.serial.then(() => this.pass());
    this.serial = pass.catch(() => undefined);
    return pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.logger.error(`Notices pass failed: ${messageOf(error)}`))
        .finally(() => this.schedule(this.settings.config.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    if (!this.settings.enabled || this.stopped) return;
    if (!(await this.lock.tryAcquire())) return;
    const today = ukDateOf(this.clock.now());
    // Each step stands alone: a chase the read model has not reached must not hold up today's reminders.
    await this.chases.enqueueNew().catch((error: unknown) => this.logger.warn(`Reading chases: ${messageOf(error)}`));
    await this.scheduler.enqueueDue(today).catch((error: unknown) => this.logger.error(`Finding notices due: ${messageOf(error)}`));
    await this.digests.enqueueWeek(today).catch((error: unknown) => this.logger.error(`Writing weekly digests: ${messageOf(error)}`));
    await this.sendPending(today);
  }

  private async sendPending(today: string): Promise<void> {
    for (;;) {
      const batch = await this.outbox.due(BATCH);
      for (const notice of batch) {
        if (this.stopped || !this.lock.held) return;
        if (!(await this.sendOne(notice, today))) return;
      }
      if (batch.length < BATCH) return;
    }
  }

  /** False when the mail server refused or did not answer: the rest waits for the next pass. */
  private async sendOne(notice: PendingNotice, today: string): Promise<boolean> {
    if (notice.kind === 'digest') {
      // About no one action: the outbox row is its only record, so a crash after sending may send it again.
      if (!(await this.send(notice))) return false;
      await this.outbox.markSent(notice.key);
      this.listener?.sent(notice.kind);
      return true;
    }
    const action = await this.recorder.actionOf(notice);
    if (action.exists && action.notices.some((sent) => sent.key === notice.key)) {
      await this.outbox.markSent(notice.key);
      return true;
    }
    // Found due while open, then completed, signed off or withdrawn while the mail server was down: no longer true.
    if (notice.kind !== 'chase' && (!action.exists || action.status !== 'open')) {
      await this.outbox.markCancelled(notice.key);
      return true;
    }
    if (notice.kind !== 'chase' && (await this.readModel.holderOf(notice.recipientPostId, today))?.personId !== notice.recipientPersonId) {
      return this.redirect({ ...notice, kind: notice.kind }, today);
    }
    if (!(await this.send(notice))) return false;
    await this.recorder.record(notice);
    await this.outbox.markSent(notice.key);
    this.listener?.sent(notice.kind);
    return true;
  }

  /**
   * The post changed hands while the notice waited (the mail server was down): the previous holder's is cancelled
   * before the holder's today is written and sent, so the two are never both sent. A chase is not redirected: it
   * was staff's message to whoever held the post when they chased.
   */
  private async redirect(
    notice: PendingNotice & ActionOutboxNotice & { kind: Exclude<ActionOutboxNotice['kind'], 'chase'> },
    today: string,
  ): Promise<boolean> {
    await this.outbox.markCancelled(notice.key);
    const replacement = await this.scheduler.recomposeForHolder(notice, today);
    if (!replacement) return true;
    this.logger.log(`Post ${notice.recipientPostId} changed hands: ${notice.key} goes instead as ${replacement.key}`);
    await this.outbox.add(replacement);
    return this.sendOne({ ...replacement, attempts: notice.attempts }, today);
  }

  private async send(notice: PendingNotice): Promise<boolean> {
    try {
      await this.mailer.send(notice);
    } catch (error) {
      this.consecutiveFailures += 1;
      this.sendFailures += 1;
      this.lastError = `Sending ${notice.kind} notice ${notice.key} failed: ${messageOf(error)}`;
      this.listener?.failed();
      const retryInMs = backoffMs(notice.attempts, this.settings.config);
      this.logger.warn(`${this.lastError}; next attempt in ${retryInMs} ms`);
      await this.outbox.markFailed(notice.key, retryInMs, messageOf(error));
      return false;
    }
    this.consecutiveFailures = 0;
    this.lastError = undefined;
    return true;
  }
}

/** Doubles from the base with each failure of the notice, up to the ceiling. */
export const backoffMs = (attempts: number, { retryBaseMs, retryMaxMs }: { retryBaseMs: number; retryMaxMs: number }): number =>
  Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts, 30));

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const withoutCredentials = (url: string): string => url.replace(/\/\/[^@/]*@/, '//');
