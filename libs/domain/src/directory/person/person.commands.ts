export type RegisterPerson = {
  readonly type: 'RegisterPerson';
  readonly data: {
    readonly personId: string;
    readonly name: string;
    readonly email?: string;
    readonly now: string;
  };
};

export type PersonCommand = RegisterPerson;
