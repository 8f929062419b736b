import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Every metric family the api adds beside prom-client's defaults; infra/grafana's dashboard queries these names. */
export const METRIC_NAMES = {
  httpRequests: 'http_requests_total',
  httpRequestDuration: 'http_request_duration_seconds',
  eventsAppended: 'actiontrail_events_appended_total',
  commands: 'actiontrail_commands_total',
  commandDuration: 'actiontrail_command_duration_seconds',
  idempotentReplays: 'actiontrail_idempotent_replays_total',
  refusedTokens: 'actiontrail_refused_tokens_total',
  projectionPosition: 'actiontrail_projection_position',
  projectionLag: 'actiontrail_projection_lag_positions',
  eventStoreHead: 'actiontrail_event_store_head_position',
} as const;

/** How a command ended; a fixed set, so that the label stays small. */
export type CommandResult = 'ok' | 'rejected' | 'conflict' | 'error';

/**
 * The write side's counters. Labels are types, outcomes, reasons and route patterns, never ids, so that the
 * number of series stays bounded by the code rather than the data.
 */
@Injectable()
export class ActiontrailMetrics {
  private readonly appended: Counter<'type'>;
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandDuration: Histogram<'command' | 'outcome'>;
  private readonly replays: Counter<'route'>;
  private readonly refused: Counter<'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.appended = new Counter({
      name: METRIC_NAMES.eventsAppended,
      help: 'Events appended to the log by commands, by event type',
      labelNames: ['type'],
      registers,
    });
    this.commands = new Counter({
      name: METRIC_NAMES.commands,
      help: 'Commands handled, by command and outcome (ok; rejected: refused by validation or the rules; conflict: the stream moved, 409/412; error: 5xx)',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.commandDuration = new Histogram({
      name: METRIC_NAMES.commandDuration,
      help: 'Time to handle a command (load, decide, append), by command and outcome',
      labelNames: ['command', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.replays = new Counter({
      name: METRIC_NAMES.idempotentReplays,
      help: 'Requests answered from an earlier run with the same Idempotency-Key, by route pattern',
      labelNames: ['route'],
      registers,
    });
    this.refused = new Counter({
      name: METRIC_NAMES.refusedTokens,
      help: 'Bearer tokens refused, by reason (rate-limited: refused unread, the address had too many refusals)',
      labelNames: ['reason'],
      registers,
    });
  }

  eventsAppended(types: readonly string[]): void {
    for (const type of types) this.appended.inc({ type });
  }

  commandHandled(command: string, outcome: CommandResult, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  idempotentReplay(route: string): void {
    this.replays.inc({ route });
  }

  tokenRefused(reason: string): void {
    this.refused.inc({ reason });
  }
}
