import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScenarioRow {
  readonly scenario: string;
  readonly requests: number;
  readonly acknowledged: number;
  readonly stored: number;
  /** 5xx other than 503 with Retry-After. */
  readonly serverErrors: number;
  /** 503 with Retry-After: "try again" while something was down. */
  readonly unavailable: number;
  readonly recovery: string;
}

/** global-setup.js names a fresh file per run; the scenarios append to it and global-teardown.js prints it. */
export const summaryFile = (): string => process.env.RESILIENCE_SUMMARY_FILE ?? join(tmpdir(), 'actiontrail-resilience-summary.jsonl');

export function recordScenario(row: ScenarioRow): void {
  appendFileSync(summaryFile(), `${JSON.stringify(row)}\n`);
}

/** Progress lines written straight to the terminal (jest's console adds a stack to every line). */
export function say(scenario: string, message: string): void {
  process.stdout.write(`[resilience:${scenario}] ${message}\n`);
}
