import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { POSTGRES_URL } from '../../../support/postgres.js';

/** Where `./test/support/swc-register.mjs` and `apps/...` resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly projection?: string;
  readonly [field: string]: unknown;
}

export interface ProjectorProcessOptions {
  readonly schema: string;
  /** Also the PostgreSQL application_name of its connections, to find them in pg_stat_activity. */
  readonly name: string;
  readonly batchSize?: number;
  readonly batchDelayMs?: number;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** apps/projector/src/main.ts in a child process of its own, run from source through the SWC loader. */
export class ProjectorProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(private readonly options: ProjectorProcessOptions) {
    const { NODE_OPTIONS: _jestFlags, ...env } = process.env;
    this.child = spawn(process.execPath, ['--import', './test/support/swc-register.mjs', 'apps/projector/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...env,
        NODE_ENV: 'test',
        EVENT_STORE: 'postgres',
        DATABASE_URL: POSTGRES_URL,
        DATABASE_SCHEMA: options.schema,
        LOG_LEVEL: 'debug',
        PGAPPNAME: options.name,
        PROJECTION_BATCH_SIZE: String(options.batchSize ?? 1_000),
        PROJECTION_BATCH_DELAY_MS: String(options.batchDelayMs ?? 0),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) this.lines.push(JSON.parse(part) as LogLine);
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get name(): string {
    return this.options.name;
  }

  /** The projections this process leads now, by its own log. */
  leading(): Set<string> {
    const leads = new Set<string>();
    for (const line of this.lines) {
      if (line.message === 'leading projection' && line.projection) leads.add(line.projection);
      if (line.message === 'no longer leading projection' && line.projection) leads.delete(line.projection);
    }
    return leads;
  }

  async waitForLine(what: string, predicate: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find(predicate);
      if (line) return line;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`${this.name} exited before ${what}: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`${this.name}: no ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** For afterAll: whatever state the test left it in. */
  async ensureStopped(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
