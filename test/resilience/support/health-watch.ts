import { send } from './http-client.js';

export interface HealthSample {
  readonly at: number;
  /** 0 when no answer came. */
  readonly status: number;
  readonly retryAfter: boolean;
  readonly ms: number;
}

/** Polls GET /health (readiness) of an api, one probe at a time, until stopped. */
export class HealthWatch {
  readonly samples: HealthSample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(port: number, everyMs = 250) {
    this.loop = (async () => {
      while (this.running) {
        const outcome = await send(port, { method: 'GET', path: '/health' }, 5_000);
        this.samples.push(
          outcome.kind === 'answer'
            ? { at: Date.now(), status: outcome.status, retryAfter: outcome.headers['retry-after'] !== undefined, ms: outcome.ms }
            : { at: Date.now(), status: 0, retryAfter: false, ms: outcome.ms },
        );
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Milliseconds from `since` until the first probe answered with this status (undefined when none did). */
  firstAfter(since: number, status: number): number | undefined {
    const sample = this.samples.find((s) => s.at >= since && s.status === status);
    return sample ? sample.at - since : undefined;
  }

  between(from: number, to: number): HealthSample[] {
    return this.samples.filter((s) => s.at >= from && s.at < to);
  }
}
