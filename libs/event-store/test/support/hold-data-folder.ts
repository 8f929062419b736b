// A process of its own that takes a data folder's lock and keeps it until told to exit (SIGTERM) or killed.
// Run from source: node --import ./test/support/swc-register.mjs libs/event-store/test/support/hold-data-folder.ts <dir>
import { DataFolderLock, DataFolderLockedError } from '../../src/sql/data-folder-lock.js';

try {
  await DataFolderLock.acquire(process.argv[2] ?? '');
  // process.exit runs the lock's exit hook: this is the release on a clean exit.
  // Listening before saying 'locked': the parent may send SIGTERM the moment it reads that line.
  process.on('SIGTERM', () => process.exit(0));
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataFolderLockedError)) throw error;
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(3);
}
