import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { RESILIENCE_URL } from './database.js';
import { send } from './http-client.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = './test/support/swc-register.mjs';
const ENTRY = { api: 'apps/api/src/main.ts', projector: 'apps/projector/src/main.ts' } as const;
const START_TIMEOUT_MS = 60_000;
const KEPT_LINES = 300;
/** Settings of the test runner's environment that must not leak into the services. */
const INHERITED_SETTINGS =
  /^(AUTH_|KAFKA_|KURRENTDB_|PROJECTION|DATA_DIR$|PORT$|LOG_LEVEL$|CORS_|TRUST_PROXY$|PUBLIC_ACTION_LOG$|NODE_OPTIONS$|PG)/;

export type ServiceKind = keyof typeof ENTRY;

export interface ServiceOptions {
  readonly kind: ServiceKind;
  /** Also its PostgreSQL application_name. */
  readonly name: string;
  readonly schema: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** A free port on loopback, so a restarted api answers where its clients already send. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * apps/api or apps/projector as a real child process, from source through the SWC loader, on the suite's
 * database. It can be killed and started again; its last log lines are kept for failure messages.
 */
export class ServiceProcess {
  readonly port: number;
  private child: ChildProcess | undefined;
  private exit: Promise<void> = Promise.resolve();
  private lines: string[] = [];
  /** Exits nobody asked for: a crash. */
  readonly unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(
    private readonly options: ServiceOptions,
    port: number,
  ) {
    this.port = port;
  }

  static async create(options: ServiceOptions): Promise<ServiceProcess> {
    return new ServiceProcess(options, options.kind === 'api' ? await freePort() : 0);
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves once it serves (api: /health/live answers; projector: it says it started). */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS.test(name)));
    const args = ['--import', LOADER, ENTRY[this.options.kind], ...(this.options.kind === 'api' ? ['--no-demo'] : [])];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: {
        ...env,
        NODE_ENV: 'production',
        EVENT_STORE: 'postgres',
        DATABASE_URL: RESILIENCE_URL,
        DATABASE_SCHEMA: this.options.schema,
        PGAPPNAME: this.name,
        PORT: String(this.port),
        LOG_LEVEL: this.options.kind === 'api' ? 'warn' : 'info',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    this.lines = [];
    this.partial = '';
    this.leading.clear();
    for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk));
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.expectingExit) this.unexpectedExits.push(`${this.name} exited (code ${code}, signal ${signal})`);
        resolve();
      }),
    );
    await this.untilServing(Date.now() + START_TIMEOUT_MS);
  }

  /** SIGKILL: no chance to finish anything. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM, and SIGKILL after a grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  /** Resident set size of the process now, in KiB (VmRSS). */
  rssKiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!match?.[1]) throw new Error(`no VmRSS for ${this.name}`);
    return Number(match[1]);
  }

  /** Its log as JSON lines (lines that are not JSON are skipped). */
  logEntries(): Record<string, unknown>[] {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  tail(count = 30): string {
    return this.lines.slice(-count).join('\n');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.expectingExit = true;
    this.child?.kill(signal);
    await this.exit;
  }

  /** A projector's projections it leads now, by its own log (kept apart: the log itself is trimmed). */
  readonly leading = new Set<string>();
  private partial = '';

  private keep(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim())) {
      this.lines.push(line);
      if (line.includes('leading projection')) this.noteLeadership(line);
    }
    if (this.lines.length > KEPT_LINES * 2) this.lines = this.lines.slice(-KEPT_LINES);
  }

  private noteLeadership(line: string): void {
    try {
      const { message, projection } = JSON.parse(line) as { message?: string; projection?: string };
      if (!projection) return;
      if (message === 'leading projection') this.leading.add(projection);
      if (message === 'no longer leading projection') this.leading.delete(projection);
    } catch {
      // not a JSON line
    }
  }

  private async untilServing(deadline: number): Promise<void> {
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.tail()}`);
      if (await this.serving()) return;
      if (Date.now() > deadline) throw new Error(`${this.name} did not start within ${START_TIMEOUT_MS} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async serving(): Promise<boolean> {
    if (this.options.kind === 'projector') return this.logEntries().some((entry) => entry.message === 'projector started');
    const outcome = await send(this.port, { method: 'GET', path: '/health/live' }, 2_000);
    return outcome.kind === 'answer' && outcome.status === 200;
  }
}
