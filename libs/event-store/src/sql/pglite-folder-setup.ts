import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// CommonJS for `node -e`; the folder and the package path come as arguments, never inside the code.
const INITIALISE_FOLDER = `
const [pglite, folder] = process.argv.slice(1);
const { PGlite } = require(pglite);
const db = new PGlite(folder);
db.waitReady.then(() => db.close());
`;

/** True once PostgreSQL's initdb has written the folder (the file PGlite itself looks for). */
export function isInitialisedFolder(folder: string): boolean {
  return existsSync(join(folder, 'PG_VERSION'));
}

/**
 * Creates a new data folder's database in a child process. PGlite's initdb grows this process's memory by
 * ~400 MB that it would keep until a full garbage collection (and, after one, partly still: the allocator keeps
 * what it got); a child's memory ends with the child.
 */
export async function initialiseFolderInChildProcess(folder: string): Promise<void> {
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', INITIALISE_FOLDER, pglite, folder], { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`Creating the embedded store in ${folder} failed: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}
