import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { SqlEventStore } from '#event-store';
import { loadAppConfig } from '#runtime';
import { createApp } from '../../src/app.factory.js';
import { openE2eStore } from '../support/e2e-store.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SECRET = 'a-development-secret-of-32-characters-or-more';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run token -- <args>` as a child process, from source (the npm script builds first; this does not). */
function runTokenCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const { NODE_OPTIONS: _jestFlags, AUTH_JWT_SECRET: _secret, DATA_DIR: _dataDir, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', './test/support/swc-register.mjs', 'apps/api/src/platform/auth/mint-token.cli.ts', ...args],
    { cwd: REPO_ROOT, env: { ...inherited, NODE_ENV: 'development', EVENT_STORE: 'embedded', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+\n$/;

describe('npm run token (the CLI, as a child process)', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actiontrail-token-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the usage with every option for --help, and exits 0', async () => {
    const run = await runTokenCli(['--help'], { DATA_DIR: dataDir });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run token -- --sub <personId>/);
    for (const option of ['--sub', '--name', '--roles', '--ttl', '--create-secret', '--help']) expect(run.stdout).toContain(option);
  });

  it('given an unknown option, then it prints what is wrong and the usage on stderr, and exits 2', async () => {
    const run = await runTokenCli(['--sub', 'p1', '--colour', 'red'], { DATA_DIR: dataDir });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^Unknown option '--colour'/);
    expect(run.stderr).toContain('usage: npm run token -- --sub <personId>');
  });

  it('given neither AUTH_JWT_SECRET nor a secret in DATA_DIR, then it refuses, saying what to do, exits 1 and makes no file', async () => {
    const run = await runTokenCli(['--sub', 'p1', '--roles', 'scrutiny'], { DATA_DIR: dataDir });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
    expect(run.stderr).toContain(`No secret to sign with: AUTH_JWT_SECRET is unset and ${dataDir}/auth-secret does not exist`);
    expect(run.stderr).toContain('--create-secret');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('given --create-secret, then it makes DATA_DIR/auth-secret (owner only), prints the token, and says it signed with that file', async () => {
    const run = await runTokenCli(['--sub', 'p1', '--roles', 'scrutiny', '--create-secret'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(JWT);
    expect(run.stderr).toBe(
      `Signed with the secret in ${dataDir}/auth-secret (made now by --create-secret; the server reads it when it starts)\n`,
    );
    expect((await stat(join(dataDir, 'auth-secret'))).mode & 0o777).toBe(0o600);
  });

  it('given AUTH_JWT_SECRET, then it says it signed with AUTH_JWT_SECRET, never printing the secret, and touches no file', async () => {
    const run = await runTokenCli(['--sub', 'p1'], { DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: 'Signed with AUTH_JWT_SECRET\n' });
    expect(run.stdout).toMatch(JWT);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(await readdir(dataDir)).toEqual([]);
  });

  describe('with an app started on the same DATA_DIR, without AUTH_JWT_SECRET', () => {
    let store: SqlEventStore;
    let app: INestApplication;

    beforeEach(async () => {
      store = await openE2eStore();
      const config = loadAppConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', DATA_DIR: dataDir, PROJECTIONS: 'off' });
      app = await createApp({ config, store, logger: false });
    });

    afterEach(async () => {
      await app?.close();
      await store?.close();
    });

    it('given the app made its secret at start, then a token the CLI mints without --create-secret is accepted, and one signed otherwise is not', async () => {
      const personId = '6f1d7c1e-3b0a-4c57-9a57-0f2f1a3c9e11';
      const run = await runTokenCli(['--sub', personId, '--name', 'Scrutiny Clerk', '--roles', 'scrutiny'], { DATA_DIR: dataDir });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`Signed with the secret in ${dataDir}/auth-secret\n`);
      const token = run.stdout.trim();

      const created = await request(app.getHttpServer())
        .post('/api/v1/people')
        .set('Authorization', `Bearer ${token}`)
        .send({ id: personId, name: 'Scrutiny Clerk' });
      expect({ status: created.status, id: created.body.id }).toEqual({ status: 201, id: personId });

      const other = await runTokenCli(['--sub', personId, '--roles', 'scrutiny'], { DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
      const refused = await request(app.getHttpServer())
        .get(`/api/v1/people/${personId}`)
        .set('Authorization', `Bearer ${other.stdout.trim()}`);
      expect({ status: refused.status, reason: refused.body.reason }).toEqual({ status: 401, reason: 'bad-signature' });
    });
  });
});
