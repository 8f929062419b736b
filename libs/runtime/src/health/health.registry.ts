import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

export type HealthCheck = () => Promise<HealthCheckResult>;

/** A check that has not answered by then counts as down: a hung dependency must not hang the probe. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/** Where modules register named checks (projection lag, Kafka relay lag, ...) that GET /health reports. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    if (name === 'store') throw new Error('The "store" health check is built in');
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  async runAll(): Promise<Record<string, HealthCheckResult>> {
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await runCheck(check)] as const));
    return Object.fromEntries(entries);
  }
}

export async function runCheck(check: HealthCheck, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
