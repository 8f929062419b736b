/**
 * A fact the application layer looked up in another stream before calling decide, so that
 * cross-aggregate rules stay pure. Loaded aggregate states fit these shapes as they are.
 */
export type Lookup<T extends object = Record<never, never>> = { readonly exists: false } | ({ readonly exists: true } & T);

export const missing = { exists: false } as const;

export const found = <T extends object>(facts: T): Lookup<T> => ({ exists: true, ...facts });
