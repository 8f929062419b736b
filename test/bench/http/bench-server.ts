import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AdapterName } from './bench-app.js';
import type { FromServer, ToServer } from './server-child.js';

const SERVER_CHILD = fileURLToPath(new URL('./server-child.js', import.meta.url));

/** The parent's handle on one forked bench server. */
export interface BenchServer {
  readonly adapter: AdapterName;
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** The server process's CPU time (user + system) so far, in milliseconds. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

function send(child: ChildProcess, message: ToServer): void {
  child.send(message);
}

function next<K extends FromServer['kind']>(child: ChildProcess, kind: K): Promise<Extract<FromServer, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.kind === kind) {
        settle();
        resolve(message as Extract<FromServer, { kind: K }>);
      } else if (message.kind === 'failed') {
        settle();
        reject(new Error(`bench server failed: ${message.error}`));
      }
    };
    const onExit = (code: number | null) => {
      settle();
      reject(new Error(`bench server exited with code ${code} while awaited for '${kind}'`));
    };
    const settle = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startServer(adapter: AdapterName): Promise<BenchServer> {
  const child = fork(SERVER_CHILD, [adapter], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await next(child, 'listening');
  return {
    adapter,
    baseUrl: `http://127.0.0.1:${port}`,
    async cpuMs() {
      const answer = next(child, 'cpu');
      send(child, { kind: 'cpu' });
      const { usage } = await answer;
      return (usage.user + usage.system) / 1000;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send(child, { kind: 'close' });
      await exited;
    },
  };
}
