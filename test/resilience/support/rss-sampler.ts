import type { ServiceProcess } from './service-process.js';

export interface RssSample {
  /** Milliseconds since sampling started. */
  readonly at: number;
  readonly kib: number;
}

export interface RssTrend {
  readonly service: string;
  readonly peakMiB: number;
  /** Median of the samples just before the warm-up ended. */
  readonly afterWarmUpMiB: number;
  /** Median of the last samples. */
  readonly atEndMiB: number;
  /** (atEnd - afterWarmUp) / afterWarmUp. */
  readonly growth: number;
  /** Least-squares slope over the samples after the warm-up, in MiB per minute. */
  readonly slopeMiBPerMinute: number;
  readonly samples: number;
}

/** Medians over this many samples, so one collection's sawtooth does not decide the outcome. */
const WINDOW = 10;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function slope(points: readonly RssSample[]): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, p) => sum + p.at, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.kib, 0) / points.length;
  const covariance = points.reduce((sum, p) => sum + (p.at - meanX) * (p.kib - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.at - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/** Reads each service's VmRSS once a second until stopped. */
export class RssSampler {
  private readonly samples = new Map<ServiceProcess, RssSample[]>();
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly services: readonly ServiceProcess[],
    everyMs = 1_000,
  ) {
    for (const service of services) this.samples.set(service, []);
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  trend(service: ServiceProcess, warmUpMs: number): RssTrend {
    const all = this.samples.get(service) ?? [];
    const warm = all.filter((sample) => sample.at <= warmUpMs).slice(-WINDOW);
    const after = all.filter((sample) => sample.at > warmUpMs);
    const afterWarmUp = median(warm.map((sample) => sample.kib));
    const atEnd = median(after.slice(-WINDOW).map((sample) => sample.kib));
    const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
    return {
      service: service.name,
      peakMiB: mib(Math.max(0, ...all.map((sample) => sample.kib))),
      afterWarmUpMiB: mib(afterWarmUp),
      atEndMiB: mib(atEnd),
      growth: afterWarmUp === 0 ? Number.POSITIVE_INFINITY : (atEnd - afterWarmUp) / afterWarmUp,
      slopeMiBPerMinute: Math.round(((slope(after) * 60_000) / 1024) * 100) / 100,
      samples: all.length,
    };
  }

  private sample(): void {
    const at = Date.now() - this.started;
    for (const [service, samples] of this.samples) {
      if (!service.running) continue;
      try {
        samples.push({ at, kib: service.rssKiB() });
      } catch {
        // it exited between the check and the read; the spec reports unexpected exits itself
      }
    }
  }
}
