import { ACTION_LOG_COLUMNS, type ActionLogLine } from '../src/action-log-docx.js';
import { LOG_STATUSES } from '../src/pages/scrutiny.js';
import { createRenderer } from '../src/render.js';

/** A line whose every text column holds its own key, so that a cell shows which field it printed. */
const line: ActionLogLine = {
  actionId: 'a-1',
  meetingId: 'm-1',
  ref: 'ref',
  meetingDate: 'meetingDate',
  itemNumber: 'itemNumber',
  itemTitle: 'itemTitle',
  paperRef: 'paperRef',
  partLabel: 'partLabel',
  action: 'action',
  owner: 'owner',
  dueOn: 'dueOn',
  status: 'status',
  ragStatus: 'ragStatus',
  latestUpdate: 'latestUpdate',
  outcome: 'outcome',
  signOffNote: 'signOffNote',
  dateClosed: 'dateClosed',
};

describe('the action log view', () => {
  it('writes each row cell under its own header, in the order of the columns', () => {
    const html = createRenderer()('scrutiny/action-log', {
      title: 'Action log',
      committee: { committeeId: 'c-1', name: 'Committee' },
      overdueOn: '2017-02-21',
      columns: ACTION_LOG_COLUMNS,
      rows: [line],
      filters: { status: '', overdueOnly: false, meeting: '' },
      statuses: LOG_STATUSES,
      meetings: [],
      pagination: {},
    });
    const row = /<tr class="govuk-table__row" data-action-id="a-1">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const cells = [...row.matchAll(/<td class="govuk-table__cell">([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
    expect(cells).toEqual(ACTION_LOG_COLUMNS.map((c) => c.key));
  });
});
