import { fold, type Decider } from '../../src/shared/decider.js';
import { DomainError, type DomainErrorKind } from '../../src/shared/errors.js';

type Expectation = {
  toEqual(expected: unknown): void;
  toBe(expected: unknown): void;
  toBeInstanceOf(expected: unknown): void;
};
// Jest's global `expect`, declared here so the production build (no jest types) still compiles.
declare const expect: (actual: unknown) => Expectation;

export type Then<E, S> = {
  /** Asserts the events decided, and returns the state folded over given + decided events. */
  then: (expected: readonly E[]) => S;
  /** Asserts decide refused with this rule code (and kind, when given). */
  thenThrows: (code: string, kind?: DomainErrorKind) => DomainError;
};

export type Given<C, E, S> = {
  when: (command: C) => Then<E, S>;
  /** The state folded over the given events, for evolve/fold assertions. */
  state: () => S;
};

const refusalOf = (act: () => unknown): unknown => {
  try {
    const events = act();
    return { decided: events };
  } catch (error) {
    return error;
  }
};

export const given =
  <C, E, S>(decider: Decider<C, E, S>) =>
  (events: readonly E[]): Given<C, E, S> => ({
    state: () => fold(decider, events),
    when: (command) => ({
      then: (expected) => {
        const decided = decider.decide(command, fold(decider, events));
        expect(decided).toEqual(expected);
        return fold(decider, [...events, ...decided]);
      },
      thenThrows: (code, kind) => {
        const error = refusalOf(() => decider.decide(command, fold(decider, events)));
        expect(error).toBeInstanceOf(DomainError);
        const refusal = error as DomainError;
        expect(refusal.code).toBe(code);
        if (kind !== undefined) expect(refusal.kind).toBe(kind);
        return refusal;
      },
    }),
  });
