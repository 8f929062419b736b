import { fold, type Decider } from '../../src/shared/decider.js';
import { ConflictError, DomainError, InvalidError, isDomainError, NotFoundError, unknownCommand } from '../../src/shared/errors.js';
import { duplicatesIn, exactlyOneGiven, requireText } from '../../src/shared/rules.js';
import { given } from '../support/given-when-then.js';
import { dateOf, isEarlierDate, isLaterInstant, ukDateOf, ukStartOfDay } from '../../src/shared/time.js';

type Counted = { readonly type: 'Counted'; readonly data: { readonly by: number } };
type Count = { readonly type: 'Count'; readonly data: { readonly by: number } };
const counter: Decider<Count, Counted, number> = {
  decide: ({ data }, total) => {
    if (total + data.by > 3) throw new ConflictError('counter-full', 'Full', { total });
    return [{ type: 'Counted', data }];
  },
  evolve: (total, { data }) => total + data.by,
  initialState: () => 0,
};
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });
const count = (by: number): Count => ({ type: 'Count', data: { by } });

describe('decider plumbing', () => {
  it('folds events over the initial state', () => {
    expect(fold(counter, [])).toBe(0);
    expect(fold(counter, [counted(1), counted(2)])).toBe(3);
  });

  it('given/when/then returns the state after the decided events', () => {
    expect(
      given(counter)([counted(1)])
        .when(count(1))
        .then([counted(1)]),
    ).toBe(2);
  });

  it('given/when/thenThrows returns the refusal', () => {
    const refusal = given(counter)([counted(3)])
      .when(count(1))
      .thenThrows('counter-full', 'conflict');
    expect(refusal.details).toEqual({ total: 3 });
  });

  it('thenThrows fails when decide does not refuse, or refuses another rule', () => {
    expect(() => given(counter)([]).when(count(1)).thenThrows('counter-full')).toThrow();
    expect(() =>
      given(counter)([counted(3)])
        .when(count(1))
        .thenThrows('counter-empty'),
    ).toThrow();
    expect(() =>
      given(counter)([counted(3)])
        .when(count(1))
        .thenThrows('counter-full', 'invalid'),
    ).toThrow();
  });

  it('then fails when decide emits other events', () => {
    expect(() =>
      given(counter)([])
        .when(count(1))
        .then([counted(2)]),
    ).toThrow();
  });
});

describe('domain errors', () => {
  it('carry a rule code and a kind that maps to HTTP', () => {
    const errors = [new NotFoundError('a', 'm'), new ConflictError('b', 'm'), new InvalidError('c', 'm', { field: 'x' })];
    expect(errors.map((error) => [error.code, error.kind])).toEqual([
      ['a', 'not-found'],
      ['b', 'conflict'],
      ['c', 'invalid'],
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
      expect(isDomainError(error)).toBe(true);
    }
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(errors[2]?.details).toEqual({ field: 'x' });
  });

  it('refuses a command cast past the type system', () => {
    expect(() => unknownCommand({ type: 'Nope' })).toThrow(expect.objectContaining({ code: 'command-unknown', kind: 'invalid' }));
  });
});

describe('rules and time', () => {
  it('requires non-blank text, naming the field in the code', () => {
    expect(() => requireText('x', 'reason')).not.toThrow();
    expect(() => requireText(' ', 'reason')).toThrow(expect.objectContaining({ code: 'reason-required', details: { field: 'reason' } }));
    expect(() => requireText(undefined, 'note')).toThrow(expect.objectContaining({ code: 'note-required' }));
  });

  it('finds duplicates and exactly-one', () => {
    expect(duplicatesIn(['a', 'b', 'a', 'a'])).toEqual(['a']);
    expect(exactlyOneGiven('a', undefined)).toBe(true);
    expect(exactlyOneGiven(undefined, undefined)).toBe(false);
    expect(exactlyOneGiven('a', 'b')).toBe(false);
  });

  it('compares instants across zones and dates as text', () => {
    expect(dateOf('2017-01-16T18:00:00+00:00')).toBe('2017-01-16');
    expect(isLaterInstant('2017-01-16T17:30:00-01:00', '2017-01-16T18:00:00Z')).toBe(true);
    expect(isLaterInstant('2017-01-16T18:00:00Z', '2017-01-16T18:00:00Z')).toBe(false);
    expect(isEarlierDate('2017-01-15', '2017-01-16')).toBe(true);
  });
});

describe('ukDateOf', () => {
  it('gives the UK calendar day: 00:30 BST is that day, not the UTC day before', () => {
    expect(ukDateOf('2017-06-30T23:30:00Z')).toBe('2017-07-01');
    expect(ukDateOf(new Date('2017-01-01T23:30:00Z'))).toBe('2017-01-01');
  });
});

describe('ukStartOfDay', () => {
  it('is UK midnight: Z in winter, +01:00 in summer, and the UK date reads back from it', () => {
    expect(ukStartOfDay('2015-01-21')).toBe('2015-01-21T00:00:00Z');
    expect(ukStartOfDay('2015-06-21')).toBe('2015-06-21T00:00:00+01:00');
    expect(Date.parse(ukStartOfDay('2015-06-21'))).toBe(Date.parse('2015-06-20T23:00:00Z'));
    expect(ukDateOf(ukStartOfDay('2015-06-21'))).toBe('2015-06-21');
    expect(dateOf(ukStartOfDay('2015-06-21'))).toBe('2015-06-21');
  });

  it('follows the clock changes: the spring day starts in GMT, the autumn day in BST', () => {
    expect(ukStartOfDay('2015-03-29')).toBe('2015-03-29T00:00:00Z');
    expect(ukStartOfDay('2015-10-25')).toBe('2015-10-25T00:00:00+01:00');
    expect(ukDateOf(new Date(Date.parse(ukStartOfDay('2015-10-25')) - 1))).toBe('2015-10-24');
  });
});
