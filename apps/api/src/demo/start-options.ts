import type { EventStoreKind } from '#runtime';

/** `load`: always (idempotent); `load-if-empty`: only into a store without events; `skip`: never. */
export type DemoMode = 'load' | 'load-if-empty' | 'skip';

export interface StartOptions {
  readonly demo: DemoMode;
  /** Load the demo and stop without serving HTTP (`npm run demo`). */
  readonly exitAfterDemo: boolean;
}

export class StartOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartOptionsError';
  }
}

const FLAGS = ['--demo', '--no-demo', '--exit-after-demo'] as const;
type Flag = (typeof FLAGS)[number];

const isFlag = (arg: string): arg is Flag => (FLAGS as readonly string[]).includes(arg);

/**
 * Command-line switches of the api process. The embedded store is the try-it-now default, so it gets the demo
 * when it is empty; a server store is somebody's real data and gets it only when asked.
 */
export function parseStartOptions(argv: readonly string[], eventStore: EventStoreKind): StartOptions {
  const unknown = argv.filter((arg) => !isFlag(arg));
  if (unknown.length > 0) throw new StartOptionsError(`unknown argument ${unknown.join(' ')}; known: ${FLAGS.join(', ')}`);
  const given = new Set(argv);
  const exitAfterDemo = given.has('--exit-after-demo');
  if (given.has('--no-demo') && (given.has('--demo') || exitAfterDemo)) {
    throw new StartOptionsError('--no-demo cannot be combined with --demo or --exit-after-demo');
  }
  if (given.has('--demo') || exitAfterDemo) return { demo: 'load', exitAfterDemo };
  if (given.has('--no-demo')) return { demo: 'skip', exitAfterDemo: false };
  return { demo: eventStore === 'embedded' ? 'load-if-empty' : 'skip', exitAfterDemo: false };
}
