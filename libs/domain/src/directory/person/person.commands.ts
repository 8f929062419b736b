export type RegisterPerson = {
  readonly type: 'RegisterPerson';
  readonly data: {
    readonly personId: string;
    readonly name: string;
    readonly email?: string;
    /** The identity provider's stable subject for this person (Entra ID's `oid`), when it is not the person id. */
    readonly identitySubject?: string;
    readonly now: string;
  };
};

export type PersonCommand = RegisterPerson;
