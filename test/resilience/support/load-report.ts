import { isProblem, jsonOf, type Outcome } from './http-client.js';
import type { CommandAck } from './world.js';

/** A command the api answered 2xx: it must be in the store, at this version and position. */
export interface Acknowledged extends CommandAck {
  readonly kind: string;
  readonly streamId: string;
  readonly at: number;
}

export interface Sample {
  readonly sentAt: number;
  readonly at: number;
  readonly kind: string;
  /** 0 when no answer came. */
  readonly status: number;
}

/** What a load run saw: every answer by kind and status, the acknowledged commands, and what broke the rules. */
export class LoadReport {
  requests = 0;
  readonly acknowledged: Acknowledged[] = [];
  readonly statuses: Record<string, number> = {};
  readonly samples: Sample[] = [];
  /** The first few requests that got no answer, for failure messages. */
  readonly noAnswers: string[] = [];
  unanswered = 0;
  timeouts = 0;
  /** 5xx other than a 503 with Retry-After (the contract's "try again"). */
  serverErrors = 0;
  unavailable = 0;
  /** Answers that break the contract: a 5xx, an error without problem+json, a 503 without Retry-After. */
  readonly violations: string[] = [];

  record(kind: string, what: string, sentAt: number, outcome: Outcome, streamId?: string): Acknowledged | undefined {
    const at = Date.now();
    this.requests++;
    if (outcome.kind === 'no-answer') {
      this.samples.push({ sentAt, at, kind, status: 0 });
      this.count(`${kind} no-answer`);
      this.unanswered++;
      if (outcome.timedOut) {
        this.timeouts++;
        this.violations.push(`${what}: ${outcome.error}`);
      }
      if (this.noAnswers.length < 50) this.noAnswers.push(`${what}: ${outcome.error}`);
      return undefined;
    }
    const { status } = outcome;
    this.samples.push({ sentAt, at, kind, status });
    this.count(`${kind} ${status}`);
    if (status === 503) this.unavailable++;
    const retryAfter = outcome.headers['retry-after'] !== undefined;
    if (status >= 500 && !(status === 503 && retryAfter)) this.serverErrors++;
    if (status >= 400 && !isProblem(outcome))
      this.violations.push(`${what}: ${status} answered ${String(outcome.headers['content-type'])}`);
    else if (status >= 500 && !(status === 503 && retryAfter)) this.violations.push(`${what}: ${status} ${outcome.text.slice(0, 300)}`);
    if ((status !== 200 && status !== 201) || streamId === undefined) return undefined;
    const answer = jsonOf<CommandAck>(outcome);
    if (!answer || typeof answer.version !== 'number' || typeof answer.position !== 'number') {
      this.violations.push(`${what}: ${status} without { id, version, position }: ${outcome.text.slice(0, 200)}`);
      return undefined;
    }
    const ack: Acknowledged = { kind, streamId, id: answer.id, version: answer.version, position: answer.position, at };
    this.acknowledged.push(ack);
    return ack;
  }

  /** Answers with a status outside the allowed ones, by kind and status. */
  unexpectedStatuses(allowed: readonly number[]): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.statuses).filter(([key]) => {
        const status = key.split(' ').at(-1);
        return status !== 'no-answer' && !allowed.includes(Number(status));
      }),
    );
  }

  /** Milliseconds from `since` to the first 2xx answer to a request sent after it (undefined when none came). */
  firstSuccessAfter(since: number): number | undefined {
    const answers = this.samples.filter((sample) => sample.sentAt >= since && sample.status >= 200 && sample.status < 300);
    return answers.length === 0 ? undefined : Math.min(...answers.map((sample) => sample.at)) - since;
  }

  acknowledgedBetween(from: number, to: number): number {
    return this.acknowledged.filter((ack) => ack.at >= from && ack.at < to).length;
  }

  private count(key: string): void {
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
  }
}
