import 'reflect-metadata';
import { DataFolderLockedError, type EventStore, type SqlDatabase } from '#event-store';
import type { Projection } from '#projections';
import { rebuildProjection, verifyProjection, type VerifyResult } from '#projections';
import { ConfigError, loadAppConfig } from '#runtime';
import { openReadSide } from './open-read-side.js';
import { ProgressBar, formatDuration } from './progress-bar.js';
import { parseRebuildArgs, REBUILD_USAGE, UsageError } from './rebuild-args.js';

const EXIT_DIFFERENCES = 1;
const EXIT_USAGE = 2;
const EXIT_FAILURE = 3;

const say = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

async function rebuild(store: EventStore, db: SqlDatabase, projection: Projection): Promise<void> {
  const bar = new ProgressBar();
  const result = await rebuildProjection({ store, db, projection, onProgress: (p) => bar.update(p), log: note }).finally(() =>
    bar.finish(),
  );
  say(
    `${projection.name}: rebuilt from ${result.eventsApplied} events and swapped in at position ${result.position} ` +
      `(${formatDuration(result.durationMs)}, swap attempts ${result.swapAttempts})`,
  );
}

async function verify(store: EventStore, db: SqlDatabase, projection: Projection): Promise<boolean> {
  const bar = new ProgressBar();
  const result = await verifyProjection({ store, db, projection, onProgress: (p) => bar.update(p), log: note }).finally(() => bar.finish());
  say(describeVerify(result));
  return result.ok;
}

function describeVerify(result: VerifyResult): string {
  const head = `${result.projection}: compared at position ${result.position} after ${result.eventsApplied} events (${formatDuration(result.durationMs)}): `;
  if (result.ok) return `${head}no differences (${result.tables.map((t) => `${t.table} ${t.liveRows} rows`).join(', ')})`;
  const lines = result.differences.map(
    (t) =>
      `  ${t.table}: ${t.onlyInLive.count} live rows not in the rebuild (keys ${t.onlyInLive.sampleKeys.join(', ') || '-'}); ` +
      `${t.onlyInRebuilt.count} rebuilt rows not live (keys ${t.onlyInRebuilt.sampleKeys.join(', ') || '-'})`,
  );
  return [`${head}DIFFERENCES in ${result.differences.length} table(s)`, ...lines].join('\n');
}

/** `npm run projections:rebuild -- (<name> ... | --all) [--verify]`; see REBUILD_USAGE. */
async function main(): Promise<number> {
  const command = parseRebuildArgs(process.argv.slice(2));
  if (!command) {
    say(REBUILD_USAGE);
    return 0;
  }
  const readSide = await openReadSide(loadAppConfig(process.env, { servesHttp: false }));
  try {
    let allEqual = true;
    for (const projection of command.projections) {
      if (command.verify) allEqual = (await verify(readSide.store, readSide.db, projection)) && allEqual;
      else await rebuild(readSide.store, readSide.db, projection);
    }
    return allEqual ? 0 : EXIT_DIFFERENCES;
  } finally {
    await readSide.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      note(`${error.message}\n\n${REBUILD_USAGE}`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (error instanceof DataFolderLockedError) {
      note(error.message);
      process.exitCode = EXIT_FAILURE;
      return;
    }
    note(
      error instanceof ConfigError
        ? `Configuration error: ${error.message}`
        : `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = EXIT_FAILURE;
  },
);
