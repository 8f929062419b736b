export type PersonRegistered = {
  readonly type: 'PersonRegistered';
  readonly data: {
    readonly personId: string;
    readonly name: string;
    readonly email?: string;
    /** Added later: absent on people registered before; tokens naming it act as this person. */
    readonly identitySubject?: string;
    readonly registeredAt: string;
  };
};

export type PersonEvent = PersonRegistered;

export const personEventTypes = ['PersonRegistered'] as const satisfies readonly PersonEvent['type'][];

export const isPersonEvent = (event: { readonly type: string }): event is PersonEvent =>
  (personEventTypes as readonly string[]).includes(event.type);
