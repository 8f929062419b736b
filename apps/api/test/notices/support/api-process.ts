import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { POSTGRES_URL } from '../../../../../test/support/postgres.js';
import { TEST_JWT_SECRET } from '../../support/auth.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const START_TIMEOUT_MS = 60_000;
/** Settings of the runner's environment that must not reach the api (as test/resilience's ServiceProcess keeps out). */
const NOT_INHERITED =
  /^(AUTH_|KAFKA_|KURRENTDB_|PROJECTION|DATA_DIR$|PORT$|LOG_LEVEL$|CORS_|TRUST_PROXY$|NODE_OPTIONS$|PG|SMTP_|MAIL_|NOTICE_)/;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** apps/api as a real child process from its sources, on PostgreSQL in a schema of the test's, with notices on. */
export class ApiProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private log: string[] = [];

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async create(schema: string, env: Record<string, string>): Promise<ApiProcess> {
    return new ApiProcess(await freePort(), { DATABASE_SCHEMA: schema, ...env });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  tail(lines = 30): string {
    return this.log.slice(-lines).join('');
  }

  async start(): Promise<void> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.test(name)));
    const child = spawn(process.execPath, ['--import', './test/support/swc-register.mjs', 'apps/api/src/main.ts', '--no-demo'], {
      cwd: REPO_ROOT,
      env: {
        ...inherited,
        NODE_ENV: 'development',
        EVENT_STORE: 'postgres',
        DATABASE_URL: POSTGRES_URL,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(this.port),
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await this.live())) {
      if (!this.running) throw new Error(`the api exited while starting:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`the api did not start within ${START_TIMEOUT_MS} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGKILL, from anywhere (an SMTP server's handler included); resolves when the process is gone. */
  killNow(): Promise<void> {
    this.child?.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private keep(chunk: string): void {
    this.log.push(chunk);
    if (this.log.length > 400) this.log = this.log.slice(-200);
  }

  private async live(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/health/live`, { signal: AbortSignal.timeout(2_000) });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}
