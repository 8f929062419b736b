import { spawn } from 'node:child_process';
import { POSTGRES_URL } from '../../../support/postgres.js';
import { REPO_ROOT } from './projector-process.js';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run projections:rebuild -- <args>` against a PostgreSQL schema, from source (no build). */
export function runRebuildCli(schema: string, args: readonly string[]): Promise<CliRun> {
  const { NODE_OPTIONS: _jestFlags, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', './test/support/swc-register.mjs', 'apps/projector/src/rebuild.cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...env, NODE_ENV: 'test', EVENT_STORE: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
