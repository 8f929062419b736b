import { allProjections, type Projection } from '#projections';

export interface RebuildCommand {
  readonly projections: readonly Projection[];
  readonly verify: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const REBUILD_USAGE = `Usage: npm run projections:rebuild -- (<projection> ... | --all) [--verify]

Rebuilds read models from position zero into fresh tables while the live ones keep answering, then swaps
them in. With --verify, builds them beside the live tables up to the live checkpoint, compares, and drops
them: exit code 1 when a table differs.

Projections: ${allProjections.map((p) => p.name).join(', ')}
The store is the configured one (EVENT_STORE, DATABASE_URL, DATABASE_SCHEMA, DATA_DIR). The embedded store
(PGlite) allows one process: stop the api before rebuilding it.
Exit codes: 0 done, 1 verify found differences, 2 usage error, 3 failure.`;

/** Answers the command, or undefined for --help; throws UsageError on anything else. */
export function parseRebuildArgs(args: readonly string[]): RebuildCommand | undefined {
  if (args.includes('--help') || args.includes('-h')) return undefined;
  const unknownFlag = args.find((arg) => arg.startsWith('-') && arg !== '--all' && arg !== '--verify');
  if (unknownFlag) throw new UsageError(`Unknown option ${unknownFlag}`);
  const verify = args.includes('--verify');
  const all = args.includes('--all');
  const names = args.filter((arg) => !arg.startsWith('-'));
  if (all && names.length > 0) throw new UsageError('Name projections or pass --all, not both');
  if (!all && names.length === 0) throw new UsageError('Name at least one projection, or pass --all');
  if (all) return { projections: allProjections, verify };
  const unknown = names.filter((name) => !allProjections.some((p) => p.name === name));
  if (unknown.length > 0) throw new UsageError(`Unknown projection ${unknown.join(', ')}`);
  const projections = allProjections.filter((p) => names.includes(p.name));
  return { projections, verify };
}
