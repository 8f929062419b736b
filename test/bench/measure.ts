import { performance } from 'node:perf_hooks';

/** One printed row: a scenario on one adapter. */
export interface Row {
  readonly adapter: string;
  readonly scenario: string;
  readonly ops: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  /** Our events/s divided by the plain equivalent's, when there is one. */
  ratio?: number;
  note?: string;
}

/**
 * Records the latency of each operation and the process's peak RSS while a scenario runs. A probe can be
 * paused, so that two sides measured in alternating rounds each count only their own time.
 */
export class Probe {
  readonly latencies: number[] = [];
  private peakRss = process.memoryUsage().rss;
  private timer: NodeJS.Timeout | undefined;
  private activeMs = 0;
  private since: number | undefined;

  constructor(running = true) {
    if (running) this.resume();
  }

  private sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakRss) this.peakRss = rss;
  }

  resume(): void {
    if (this.since !== undefined) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
    this.since = performance.now();
  }

  pause(): void {
    if (this.since === undefined) return;
    this.activeMs += performance.now() - this.since;
    this.since = undefined;
    clearInterval(this.timer);
    this.sample();
  }

  /** Times one operation; the latency is kept whether it resolves or throws. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.latencies.push(performance.now() - t0);
    }
  }

  stop(): void {
    this.pause();
  }

  row(adapter: string, scenario: string, events: number, extra: { note?: string; ops?: number } = {}): Row {
    this.stop();
    const seconds = this.activeMs / 1000;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const row: Row = {
      adapter,
      scenario,
      events,
      seconds,
      ops: extra.ops ?? sorted.length,
      eventsPerSec: seconds > 0 ? events / seconds : 0,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      peakRssMb: this.peakRss / 2 ** 20,
    };
    if (extra.note !== undefined) row.note = extra.note;
    return row;
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** Runs `count` jobs on `concurrency` workers, each job given its index. */
export async function runPool(count: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Collects garbage between scenarios so that one's leftovers do not inflate the next one's peak RSS. */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

/** Starts a scenario's probe after a GC. */
export function probe(): Probe {
  settle();
  return new Probe();
}
