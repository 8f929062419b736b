import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { HealthRegistry } from '#runtime';
import { NoticeOutbox } from './notice-outbox.js';
import { NoticesSender } from './notices-sender.js';
import { NoticesSettings } from './notices-settings.js';

export const NOTICE_METRIC_NAMES = {
  pending: 'actiontrail_notices_pending',
  oldestPending: 'actiontrail_notices_oldest_pending_seconds',
  sent: 'actiontrail_notices_sent_total',
  sendFailures: 'actiontrail_notice_send_failures_total',
} as const;

/** The outbox in /metrics (pending, oldest pending age, sent, send failures) and /health (down while sends fail). */
@Injectable()
export class NoticesObservability implements OnModuleInit {
  constructor(
    private readonly settings: NoticesSettings,
    private readonly registry: Registry,
    private readonly health: HealthRegistry,
    private readonly outbox: NoticeOutbox,
    private readonly sender: NoticesSender,
  ) {}

  onModuleInit(): void {
    if (!this.settings.enabled) return;
    const registers = [this.registry];
    const outbox = this.outbox;
    new Gauge({
      name: NOTICE_METRIC_NAMES.pending,
      help: 'Notices in the outbox not yet sent',
      registers,
      async collect() {
        this.set((await outbox.stats()).pending);
      },
    });
    new Gauge({
      name: NOTICE_METRIC_NAMES.oldestPending,
      help: 'Age of the oldest notice in the outbox not yet sent, in seconds (0 when none)',
      registers,
      async collect() {
        this.set((await outbox.stats()).oldestPendingSeconds);
      },
    });
    const sent = new Counter({
      name: NOTICE_METRIC_NAMES.sent,
      help: 'Notices the mail server accepted, by kind',
      labelNames: ['kind'],
      registers,
    });
    const failures = new Counter({
      name: NOTICE_METRIC_NAMES.sendFailures,
      help: 'Notice sends the mail server refused or did not answer',
      registers,
    });
    this.sender.observe({ sent: (kind) => sent.inc({ kind }), failed: () => failures.inc() });
    this.health.register('notices', async () => {
      const status = this.sender.status();
      const stats = await this.outbox.stats();
      // The last send failed and notices are waiting: once none wait, an old failure harms nobody.
      const failing = status.consecutiveFailures > 0 && stats.pending > 0;
      return {
        status: failing ? 'down' : 'up',
        ...(failing ? { error: status.lastError } : {}),
        leading: status.leading,
        pending: stats.pending,
        oldestPendingSeconds: Math.round(stats.oldestPendingSeconds),
        consecutiveFailures: status.consecutiveFailures,
      };
    });
  }
}
