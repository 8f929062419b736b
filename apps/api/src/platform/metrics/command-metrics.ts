import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConcurrencyError } from '#event-store';
import { problemFor } from '../problems/problem-mapping.js';
import { ActiontrailMetrics, type CommandResult } from './actiontrail-metrics.js';

/** `CompleteActionCommand` → `CompleteAction`: the class names the command, whatever the route or the caller. */
export function commandLabelOf(command: object): string {
  const name = Object.getPrototypeOf(command)?.constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name.replace(/Command$/, '') : 'unknown';
}

/**
 * conflict: the stream moved under the command (a stale If-Match, or retries exhausted); rejected: the request or
 * the rules said no (every other 4xx, from the one error mapping); error: ours (5xx).
 */
export function commandResultOf(error: unknown): CommandResult {
  if (error instanceof ConcurrencyError) return 'conflict';
  return problemFor(error, { conditional: false }).problem.status < 500 ? 'rejected' : 'error';
}

/**
 * Counts and times every command the CommandBus runs (HTTP routes and the demo loader alike). @nestjs/cqrs has no
 * hook after a handler, so the bus's execute is wrapped once, at start-up.
 */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: ActiontrailMetrics,
  ) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus) as (command: object, ...rest: unknown[]) => Promise<unknown>;
    const metrics = this.metrics;
    const instrumented = async (command: object, ...rest: unknown[]): Promise<unknown> => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await execute(command, ...rest);
        metrics.commandHandled(commandLabelOf(command), 'ok', seconds());
        return result;
      } catch (error) {
        metrics.commandHandled(commandLabelOf(command), commandResultOf(error), seconds());
        throw error;
      }
    };
    this.bus.execute = instrumented as CommandBus['execute'];
  }
}
