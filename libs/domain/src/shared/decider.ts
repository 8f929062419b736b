/** An aggregate as data plus pure functions (the Emmett decider shape). */
export type Decider<C, E, S> = {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
};

/** Rebuilds an aggregate's state from its stream. */
export const fold = <C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S =>
  events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
