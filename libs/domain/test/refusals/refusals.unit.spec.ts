import { fileURLToPath } from 'node:url';
import { requireCalendarDate } from '../../src/calendar/calendar-date.js';
import { requireBusinessDate } from '../../src/recommendation/business-dates.js';
import { commandRefusals } from '../../src/refusals.js';
import { isDomainError } from '../../src/shared/errors.js';
import { requireText } from '../../src/shared/rules.js';
import { readDomainSource, type Raised } from './raised-refusals.js';

const source = readDomainSource(fileURLToPath(new URL('../../src', import.meta.url)));
const declared = Object.entries(commandRefusals) as [string, Record<string, readonly string[]>][];
const listed = (raised: readonly Raised[]): string[] => raised.map(({ kind, code }) => `${kind} ${code}`).sort();
const declaredFor = (refusals: Record<string, readonly string[]>): string[] =>
  Object.entries(refusals)
    .flatMap(([kind, codes]) => codes.map((code) => `${kind} ${code}`))
    .sort();
const codeOf = (refuse: () => unknown): string => {
  try {
    refuse();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('did not refuse');
};

/** The refusal tables are what the API documents for each route; they are checked against the deciders' source. */
describe('each command declares exactly the refusals its decider raises', () => {
  it('finds the decider function of every declared command, and declares every command a decider takes', () => {
    const declaredTypes = declared.map(([type]) => type).sort();
    expect([...source.commands.keys()].sort()).toEqual(declaredTypes);
    expect(source.commands.size).toBe(source.caseCount);
  });

  it.each(declared)('%s: declared refusals are the ones its decider raises', (type, refusals) => {
    const { raised, unreadable } = source.raisedBy(type);
    expect(unreadable).toEqual([]);
    expect(declaredFor(refusals)).toEqual(listed(raised));
  });

  it('declares every code the domain raises for some command, except the one for a command no decider knows', () => {
    const everyDeclared = new Set(declared.flatMap(([, refusals]) => declaredFor(refusals)));
    const undeclared = listed(source.allRaised).filter((raised) => !everyDeclared.has(raised));
    expect(undeclared).toEqual(['invalid command-unknown']);
  });

  it('reads the codes the rule helpers form from their arguments as the helpers form them', () => {
    const now = '2026-03-10T12:00:00.000Z';
    expect(source.formed('requireText', ['value', 'decisionMaker.name'])).toEqual([
      { kind: 'invalid', code: codeOf(() => requireText(' ', 'decisionMaker.name')) },
    ]);
    expect(source.formed('requireCalendarDate', ['value', 'madeOn'])).toEqual([
      { kind: 'invalid', code: codeOf(() => requireCalendarDate('10/03/2026', 'madeOn')) },
    ]);
    const notBefore = { date: '2026-03-01', what: 'date made' };
    expect(source.formed('requireBusinessDate', ['value', 'receivedOn', 'now', "{ date: record.madeOn, what: 'date made' }"])).toEqual(
      [
        codeOf(() => requireBusinessDate('tomorrow', 'receivedOn', now, notBefore)),
        codeOf(() => requireBusinessDate('2026-03-11', 'receivedOn', now, notBefore)),
        codeOf(() => requireBusinessDate('2026-02-27', 'receivedOn', now, notBefore)),
      ].map((code) => ({ kind: 'invalid', code })),
    );
  });

  it('follows a command into the helpers it calls, in other files too', () => {
    expect(listed(source.raisedBy('CompleteAction').raised)).toEqual(
      expect.arrayContaining(['conflict action-not-open', 'not-found action-not-found', 'forbidden occurred-at-past-by-officer']),
    );
    expect(listed(source.raisedBy('RecordDecision').raised)).toEqual(expect.arrayContaining(['not-found decision-maker-post-not-found']));
  });
});
