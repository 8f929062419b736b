import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../src/open-event-store.js';
import { DATA_FOLDER_LOCK_FILE, DataFolderLock, DataFolderLockedError } from '../src/sql/data-folder-lock.js';
import type { SqlEventStore } from '../src/sql/sql-event-store.js';
import { holdDataFolder, type LockHolderProcess } from './support/data-folder-holder.js';

const lockFileIn = (dir: string) => join(dir, DATA_FOLDER_LOCK_FILE);
const holderOf = async (dir: string) => JSON.parse(await readFile(lockFileIn(dir), 'utf8')) as { pid: number; host: string };

describe('the embedded store locks its data folder against a second opener', () => {
  let root: string;
  let dataDir: string;
  let store: SqlEventStore;
  const children: LockHolderProcess[] = [];
  const folder = (name: string) => join(root, name);

  /** The pid of a process of this host that has exited. */
  async function deadPid(): Promise<number> {
    const { holder } = await holdDataFolder(folder(`dead-${randomUUID()}`));
    holder.child.kill('SIGKILL');
    await holder.exited;
    return holder.pid;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'actiontrail-lock-'));
    dataDir = folder('store');
    store = await openEmbeddedEventStore(dataDir);
  });

  afterAll(async () => {
    for (const { child } of children) child.kill('SIGKILL');
    await Promise.all(children.map((holder) => holder.exited));
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('given the folder open in this process, when it is opened again here, then that is refused and the first store still works', async () => {
    const second = openEmbeddedEventStore(dataDir);

    await expect(second).rejects.toBeInstanceOf(DataFolderLockedError);
    await expect(second).rejects.toThrow(`already open in this process (pid ${process.pid})`);
    await store.appendToStream(`action-${randomUUID()}`, [{ eventId: randomUUID(), type: 'ThingNoted', data: {}, metadata: {} }]);
    expect(await holderOf(dataDir)).toMatchObject({ pid: process.pid, host: hostname() });
  });

  it('given the folder open in this process, when a child process tries to take it, then it is refused with who holds it and what to do', async () => {
    const other = await holdDataFolder(dataDir);

    expect(other.firstLine).toContain(`refused: The data folder ${dataDir} is in use by process ${process.pid} on host ${hostname()}`);
    expect(other.firstLine).toContain('stop the api first, or run the rebuild with the api stopped');
    expect(await other.holder.exited).toEqual({ code: 3, signal: null });
  });

  it('given a child process holding a folder, when this process opens the store there, then it is refused naming the child, before PGlite writes anything', async () => {
    const held = folder('held-by-child');
    const { holder: child, firstLine } = await holdDataFolder(held);
    children.push(child);
    expect(firstLine).toBe('locked');

    const opening = openEmbeddedEventStore(held);

    await expect(opening).rejects.toBeInstanceOf(DataFolderLockedError);
    await expect(opening).rejects.toThrow(`is in use by process ${child.pid} on host ${hostname()}`);
    expect(await readdir(held)).toEqual([DATA_FOLDER_LOCK_FILE]);
  });

  it('given a holder killed with SIGKILL, when the folder is locked again, then the stale lock is taken over', async () => {
    const crashed = folder('crashed');
    const { holder: child } = await holdDataFolder(crashed);
    child.child.kill('SIGKILL');
    await child.exited;
    expect(await holderOf(crashed)).toMatchObject({ pid: child.pid });

    const lock = await DataFolderLock.acquire(crashed);

    expect(await holderOf(crashed)).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lockFileIn(crashed))).toBe(false);
  });

  it('given a stale lock, when several openers take it over at the same instant, then exactly one holds the folder and the others are refused', async () => {
    const contested = folder('contested');
    await mkdir(contested);
    await writeFile(lockFileIn(contested), JSON.stringify({ pid: await deadPid(), host: hostname(), startedAt: new Date().toISOString() }));

    // Started in one tick, their file operations interleave: each finds the same stale lock before any takes it.
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => DataFolderLock.acquire(contested)));

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refusals = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(refusals.map((refusal) => (refusal as PromiseRejectedResult).reason)).toEqual(
      Array(3).fill(
        expect.objectContaining({ name: 'DataFolderLockedError', message: expect.stringContaining('already open in this process') }),
      ),
    );
    expect(await holderOf(contested)).toMatchObject({ pid: process.pid });
    (winners[0] as PromiseFulfilledResult<DataFolderLock>).value.release();
    expect(existsSync(lockFileIn(contested))).toBe(false);
  });

  it('given a lock file naming this pid that this process does not hold (a restarted container), then it is stale and taken over', async () => {
    const restarted = folder('restarted');
    const previousLife = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
    await mkdir(restarted);
    await writeFile(lockFileIn(restarted), previousLife);

    const lock = await DataFolderLock.acquire(restarted);

    expect(await readFile(lockFileIn(restarted), 'utf8')).not.toBe(previousLife);
    lock.release();
  });

  it('given a lock held on another host, when the folder is locked here, then it is refused, saying how to remove the lock, and the lock is left alone', async () => {
    const shared = folder('shared');
    await mkdir(shared);
    const elsewhere = JSON.stringify({ pid: 4242, host: 'another-host.example', startedAt: '2024-05-01T09:00:00.000Z' });
    await writeFile(lockFileIn(shared), elsewhere);

    const locking = DataFolderLock.acquire(shared);

    await expect(locking).rejects.toThrow(
      `locked by process 4242 on host another-host.example (since 2024-05-01T09:00:00.000Z), which this machine cannot check`,
    );
    await expect(locking).rejects.toThrow(`delete ${lockFileIn(shared)} and start again`);
    expect(await readFile(lockFileIn(shared), 'utf8')).toBe(elsewhere);
  });

  it('given a child process holding a folder, when it exits cleanly, then its lock file is gone', async () => {
    const exiting = folder('exiting');
    const { holder: child, firstLine } = await holdDataFolder(exiting);
    expect(firstLine).toBe('locked');

    child.child.kill('SIGTERM');

    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFileIn(exiting))).toBe(false);
  });

  it('given the store open, when it is closed, then the folder is free for another process', async () => {
    await store.close();

    expect(existsSync(lockFileIn(dataDir))).toBe(false);
    const next = await holdDataFolder(dataDir);
    children.push(next.holder);
    expect(next.firstLine).toBe('locked');
  });
});
