import { actionLogCsv } from '../../src/features/views/action-log.csv.js';
import type { ActionLog, ActionLogRow } from '../../src/features/views/action-log.query.js';

const HEADER =
  'Ref,Meeting date,Item,Item title,Paper ref,Resolution part,Action,Owner,Due,Status,RAG,Latest update,Outcome,Sign-off note,Date closed\r\n';

function row(overrides: Partial<ActionLogRow>): ActionLogRow {
  return {
    actionId: 'a',
    ref: 'A1',
    meetingId: 'm',
    meetingDate: '2025-01-14',
    itemNumber: '5',
    itemTitle: null,
    paperRef: null,
    partLabel: '(a)',
    action: 'Report back',
    owner: 'Clerk',
    ownerPost: { postId: 'p', title: 'Clerk' },
    holder: null,
    dueOn: null,
    status: 'open',
    ragStatus: null,
    latestUpdate: null,
    outcome: null,
    signOffNote: null,
    dateClosed: null,
    ...overrides,
  };
}

const csvOf = (...rows: ActionLogRow[]): string =>
  actionLogCsv({
    committee: { committeeId: 'c', name: 'Scrutiny' },
    asOf: '2025-02-01',
    overdueOn: '2025-02-01',
    rows,
    nextAfter: null,
  } satisfies ActionLog);

describe('the action log as CSV', () => {
  it('is a header row and one CRLF-ended row per action, nulls empty, with no BOM', () => {
    expect(csvOf(row({}))).toBe(`${HEADER}A1,2025-01-14,5,,,(a),Report back,Clerk,,open,,,,,\r\n`);
  });

  it('is the header row alone for an empty log', () => {
    expect(csvOf()).toBe(HEADER);
  });

  it('quotes a field with a comma, a double quote or a line break, doubling its quotes (RFC 4180)', () => {
    const csv = csvOf(row({ action: 'Say "no", then\r\nstop', owner: 'Head of Legal, Democratic', latestUpdate: 'line\nbreak' }));
    expect(csv).toBe(`${HEADER}A1,2025-01-14,5,,,(a),"Say ""no"", then\r\nstop","Head of Legal, Democratic",,open,,"line\nbreak",,,\r\n`);
  });

  it.each(['=1+1', '+44 20', '-2', '@SUM(A1)', '\tx', '\uFF1D1'])('makes the formula-looking %j text with an apostrophe', (text) => {
    expect(csvOf(row({ action: text })).split('\r\n')[1]).toBe(`A1,2025-01-14,5,,,(a),'${text},Clerk,,open,,,,,`);
  });

  it('quotes a formula-looking field that also needs quotes, after the apostrophe', () => {
    expect(csvOf(row({ action: '=HYPERLINK("http://x","y")' })).split('\r\n')[1]).toBe(
      'A1,2025-01-14,5,,,(a),"\'=HYPERLINK(""http://x"",""y"")",Clerk,,open,,,,,',
    );
  });
});
