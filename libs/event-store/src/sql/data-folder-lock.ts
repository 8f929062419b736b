import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_FOLDER_LOCK_FILE = 'actiontrail.lock';

/** Who holds a data folder: the lock file's content. */
export interface DataFolderLockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Tries before giving up on a lock file being written or taken over by another process (about 2 s). */
const ATTEMPTS = 40;
const RETRY_MS = 50;

/** Lock files this process holds: a second open in the same process must be refused, not taken as stale. */
const heldHere = new Set<string>();

/** The embedded store's folder is open in another process (or another open in this one); PGlite has no lock of its own. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: DataFolderLockHolder | undefined,
  ) {
    super(describeRefusal(dataDir, lockFile, holder));
    this.name = 'DataFolderLockedError';
  }
}

const HOW_TO_SHARE =
  'Only one process may open the embedded store: stop the api first, or run the rebuild with the api ' +
  'stopped (to run the api and a projector side by side, use EVENT_STORE=postgres).';

function describeRefusal(dataDir: string, lockFile: string, holder: DataFolderLockHolder | undefined): string {
  if (!holder) {
    return (
      `The data folder ${dataDir} is locked, but its lock file ${lockFile} cannot be read (or another process keeps ` +
      `taking it over). If no Actiontrail process uses this folder, delete ${lockFile} (and ${lockFile}.takeover if present) and start again.`
    );
  }
  const who = `process ${holder.pid} on host ${holder.host} (since ${holder.startedAt})`;
  if (holder.host !== hostname()) {
    return (
      `The data folder ${dataDir} is locked by ${who}, which this machine cannot check. ${HOW_TO_SHARE} ` +
      `If nothing on ${holder.host} uses this folder any more, delete ${lockFile} and start again.`
    );
  }
  if (holder.pid === process.pid) {
    return `The data folder ${dataDir} is already open in this process (pid ${holder.pid}); close that store first.`;
  }
  return `The data folder ${dataDir} is in use by ${who}. ${HOW_TO_SHARE}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function parseHolder(text: string): DataFolderLockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<DataFolderLockHolder>;
    const valid = Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.startedAt === 'string';
    return valid ? (value as DataFolderLockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: left by a process of this host that is gone (a pid equal to ours but not held here is a previous life, e.g. pid 1 in a container). */
function isStale(lockFile: string, holder: DataFolderLockHolder): boolean {
  if (holder.host !== hostname()) return false;
  return holder.pid === process.pid ? !heldHere.has(lockFile) : !isAlive(holder.pid);
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Replaces a stale lock file with ours. Takeovers are serialised by a second exclusive file, and the stale
 * content is checked again under it, so two processes finding the same stale lock cannot both take it.
 */
async function takeOver(lockFile: string, staleText: string, content: string): Promise<boolean> {
  const mutex = `${lockFile}.takeover`;
  if (!(await createExclusive(mutex, content))) return false;
  try {
    if ((await readText(lockFile)) !== staleText) return false;
    await unlink(lockFile);
    // A fresh opener may create the file between the unlink and here: then it holds the folder, not us.
    return await createExclusive(lockFile, content);
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

/** An exclusive lock on a data folder, released on close and when the process exits. */
export class DataFolderLock {
  private readonly onExit = () => this.release();

  private constructor(
    readonly lockFile: string,
    private readonly content: string,
  ) {
    heldHere.add(lockFile);
    process.on('exit', this.onExit);
  }

  /** Takes the folder's lock or throws DataFolderLockedError naming its holder. */
  static async acquire(dataDir: string): Promise<DataFolderLock> {
    const folder = resolve(dataDir);
    await mkdir(folder, { recursive: true });
    const lockFile = join(folder, DATA_FOLDER_LOCK_FILE);
    const content = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
    } satisfies DataFolderLockHolder);
    let holder: DataFolderLockHolder | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await createExclusive(lockFile, content)) return new DataFolderLock(lockFile, content);
      const text = await readText(lockFile);
      if (text === undefined) continue;
      holder = parseHolder(text);
      // Unreadable: being written by its creator this instant, or left broken; wait, then refuse.
      if (holder && !isStale(lockFile, holder)) throw new DataFolderLockedError(folder, lockFile, holder);
      if (holder && (await takeOver(lockFile, text, content))) return new DataFolderLock(lockFile, content);
      await new Promise((done) => setTimeout(done, RETRY_MS));
    }
    throw new DataFolderLockedError(folder, lockFile, holder && !isStale(lockFile, holder) ? holder : undefined);
  }

  /** Removes the lock file if it is still ours. Synchronous, so that it also runs on process exit. */
  release(): void {
    process.off('exit', this.onExit);
    if (!heldHere.delete(this.lockFile)) return;
    try {
      if (readFileSync(this.lockFile, 'utf8') === this.content) unlinkSync(this.lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
