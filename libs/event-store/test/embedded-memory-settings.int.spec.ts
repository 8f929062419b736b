import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '../src/sql/pglite-database.js';
import { initialiseFolderInChildProcess, isInitialisedFolder } from '../src/sql/pglite-folder-setup.js';

describe('the embedded store keeps its memory small', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'actiontrail-embedded-memory-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('given a new data folder, when it is initialised apart, then a child process has written the database and this process opens it', async () => {
    const folder = join(root, 'new');

    expect(isInitialisedFolder(folder)).toBe(false);
    await initialiseFolderInChildProcess(folder);

    expect(existsSync(join(folder, 'PG_VERSION'))).toBe(true);
    const db = await PgliteDatabase.open(folder);
    try {
      expect((await db.query<{ answer: number }>('SELECT 41 + $1::int AS answer', [1])).rows).toEqual([{ answer: 42 }]);
    } finally {
      await db.close();
    }
  });

  it('given a path that is a file, when it is initialised apart, then the error names the folder', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'not a folder');

    await expect(initialiseFolderInChildProcess(file)).rejects.toThrow(`Creating the embedded store in ${file} failed`);
  });

  it('given the store opened on a new folder, when PostgreSQL is asked, then its shared buffers are 32 MB, not the 128 MB default', async () => {
    const db = await PgliteDatabase.open(join(root, 'opened'));
    try {
      expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows).toEqual([{ shared_buffers: '32MB' }]);
      expect(isInitialisedFolder(join(root, 'opened'))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
