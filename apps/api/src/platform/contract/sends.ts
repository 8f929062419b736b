import { SetMetadata } from '@nestjs/common';
import { commandRefusals, type CommandType, type DomainErrorKind, type Refusals } from '#domain';

export const SENDS = 'actiontrail:sends';

/** What a command route declares it sends: the domain commands, and what its handler refuses before the decider. */
export interface SentCommands {
  readonly commands: readonly CommandType[];
  readonly alsoRefuses: Refusals;
}

/**
 * `@Sends(['CompleteAction'])`: the route's 409 and 422 (and 403) list the refusals the domain declares for these
 * commands; `alsoRefuses` adds the ones its handler raises itself (a body that names no source, say).
 */
export const Sends = (commands: readonly CommandType[], alsoRefuses: Refusals = {}): MethodDecorator =>
  SetMetadata(SENDS, { commands, alsoRefuses } satisfies SentCommands);

/** Every refusal the route can answer, by kind, each code once: the commands' own and the handler's. */
export function refusalsOf(sent: SentCommands | undefined): Required<Refusals> {
  const all: Refusals[] = [...(sent?.commands ?? []).map((type) => commandRefusals[type] as Refusals), sent?.alsoRefuses ?? {}];
  const of = (kind: DomainErrorKind): string[] => [...new Set(all.flatMap((refusals) => refusals[kind] ?? []))];
  return { conflict: of('conflict'), invalid: of('invalid'), 'not-found': of('not-found'), forbidden: of('forbidden') };
}
