import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** hold-data-folder.ts in a child process: its stdout lines ('locked' or 'refused: …') in order. */
export class LockHolderProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  private readonly lines: string[] = [];
  private stderr = '';

  constructor(dataDir: string) {
    const { NODE_OPTIONS: _jestFlags, ...env } = process.env;
    const args = ['--import', './test/support/swc-register.mjs', 'libs/event-store/test/support/hold-data-folder.ts', dataDir];
    this.child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    let partial = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The index-th line it printed, once it has. */
  async line(index: number, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.lines.length <= index) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`lock holder ${this.pid} printed no line ${index} (exit ${this.child.exitCode}): ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.lines[index]!;
  }
}

/** Starts a holder and answers with it once it has the lock or was refused (its first line). */
export async function holdDataFolder(dataDir: string): Promise<{ readonly holder: LockHolderProcess; readonly firstLine: string }> {
  const holder = new LockHolderProcess(dataDir);
  return { holder, firstLine: await holder.line(0) };
}
