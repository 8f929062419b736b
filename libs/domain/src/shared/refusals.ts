import type { DomainErrorKind } from './errors.js';

/** The codes a command can be refused with, by kind (each becomes a problem type; the kind, its status). */
export type Refusals = { readonly [K in DomainErrorKind]?: readonly string[] };

/** Each command type of an aggregate, with every refusal its decider can raise for it. */
export type CommandRefusals<CommandType extends string> = { readonly [T in CommandType]: Refusals };
