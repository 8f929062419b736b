export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Spread of each delay (0.2 = ±20%), so that several relays do not retry in step. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

/** Doubles from initialMs with each consecutive failure, up to maxMs. */
export function backoffDelayMs(consecutiveFailures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}

export class TimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} did not finish within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets a stop cut short whatever the loop is waiting for. */
export class StopSignal {
  private resolveStopped: () => void = () => undefined;
  readonly stopped: Promise<void> = new Promise<void>((resolve) => {
    this.resolveStopped = resolve;
  });

  stop(): void {
    this.resolveStopped();
  }

  async sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.stopped]);
    clearTimeout(timer);
  }

  async race(wait: Promise<void>): Promise<void> {
    await Promise.race([wait, this.stopped]);
  }
}
