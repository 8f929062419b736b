import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Load average, and on Linux the share of the last minute some runnable task waited for a CPU (other work here skews figures). */
export function machineLoad(): string {
  const average = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  try {
    const waited = /some avg10=\S+ avg60=(\S+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return waited === undefined ? average : `${average} (CPU pressure ${waited}%)`;
  } catch {
    return average;
  }
}
