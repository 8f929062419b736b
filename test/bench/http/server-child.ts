/**
 * One bench server, forked by http.bench with the adapter's name as its argument. It listens on a loopback
 * port, reports it over IPC, and answers each CPU request with its own process.cpuUsage().
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createBenchApp, isAdapterName } from './bench-app.js';

export type ToServer = { readonly kind: 'cpu' } | { readonly kind: 'close' };
export type FromServer =
  | { readonly kind: 'listening'; readonly port: number }
  | { readonly kind: 'cpu'; readonly usage: NodeJS.CpuUsage }
  | { readonly kind: 'failed'; readonly error: string };

function tell(message: FromServer): void {
  process.send?.(message);
}

async function serve(): Promise<void> {
  const adapter = process.argv[2];
  if (!isAdapterName(adapter)) throw new Error(`unknown adapter ${adapter}`);
  const app = await createBenchApp(adapter);
  await app.listen(0, '127.0.0.1');
  process.on('message', (message: ToServer) => {
    if (message.kind === 'cpu') tell({ kind: 'cpu', usage: process.cpuUsage() });
    else void app.close().finally(() => process.exit(0));
  });
  // A parent that died must not leave a server behind.
  process.once('disconnect', () => process.exit(0));
  tell({ kind: 'listening', port: (app.getHttpServer().address() as AddressInfo).port });
}

serve().catch((error: unknown) => {
  tell({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
