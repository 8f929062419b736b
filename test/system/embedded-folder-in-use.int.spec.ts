import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderLock } from '#event-store';
import { REPO_ROOT } from './projections/support/projector-process.js';

interface Run {
  readonly code: number | null;
  /** stdout and stderr together: a stack on either would be a defect. */
  readonly output: string;
}

/** One of the entry points, from source, on the embedded store in `dataDir`. */
function run(entry: string, dataDir: string): Promise<Run> {
  const { NODE_OPTIONS: _jestFlags, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', './test/support/swc-register.mjs', entry, ...(entry.includes('rebuild') ? ['--all'] : [])],
    {
      cwd: REPO_ROOT,
      env: { ...env, NODE_ENV: 'test', EVENT_STORE: 'embedded', DATA_DIR: dataDir, PORT: '0', KAFKA_BROKERS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('the api, the projector and the rebuild refuse a data folder another process has open', () => {
  let root: string;
  let lock: DataFolderLock;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'actiontrail-in-use-'));
    lock = await DataFolderLock.acquire(root);
  });
  afterAll(async () => {
    lock.release();
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['the api', 1, 'apps/api/src/main.ts'],
    ['the projector', 1, 'apps/projector/src/main.ts'],
    ['the rebuild', 3, 'apps/projector/src/rebuild.cli.ts'],
  ])('%s exits with %i, naming the holder and what to do, without a stack trace', async (_name, exitCode, entry) => {
    const { code, output } = await run(entry, root);

    expect(code).toBe(exitCode);
    expect(output).toContain(`The data folder ${root} is in use by process ${process.pid} on host ${hostname()}`);
    expect(output).toContain('stop the api first, or run the rebuild with the api stopped');
    expect(output).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(output).not.toContain('"stack"');
  });
});
