import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/features/shared/clock.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** RFC 4180 read back: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF after every row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i += 2;
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

describe('views over HTTP: the committee action log, and read-your-writes on every view', () => {
  let f: FeatureApp;
  let position = 0;
  /** What the app's Clock answers. */
  const now = new Date('2017-02-21T12:00:00Z');
  const w = {
    committeeId: '',
    january: '',
    february: '',
    janResolution: '',
    febResolution: '',
    postId: '',
    vacantPostId: '',
    personId: '',
  };
  const ids: Record<string, string> = {};

  const send = async (path: string, body: object): Promise<string> => {
    const res = await f.http().post(`/api/v1${path}`).send(body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    position = Math.max(position, res.body.position as number);
    return res.body.id as string;
  };
  const view = (path: string, query: Record<string, string> = {}) =>
    f
      .http()
      .get(`/api/v1${path}`)
      .query({ minPosition: String(position), ...query });
  const log = (query: Record<string, string> = {}) => view(`/committees/${w.committeeId}/action-log`, query);

  beforeAll(async () => {
    f = await startFeatureApp();
    f.app.get(Clock).now = () => now;
    w.committeeId = await send('/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    w.january = await send('/meetings', { committeeId: w.committeeId, startsAt: '2017-01-16T18:00:00Z' });
    w.february = await send('/meetings', { committeeId: w.committeeId, startsAt: '2017-02-20T18:00:00Z' });
    await send(`/meetings/${w.january}/items`, { number: '02', title: 'Draft consultation summary', paperRef: 'Ref: 4.1' });
    await send(`/meetings/${w.february}/items`, { number: '01', title: 'Matters arising' });
    const part = (label: string) => ({ label, text: `Part ${label}`, kind: 'instructed' });
    w.janResolution = await send(`/meetings/${w.january}/resolutions`, { itemNumber: '02', parts: [part('(i)'), part('(ii)')] });
    w.febResolution = await send(`/meetings/${w.february}/resolutions`, { itemNumber: '01', parts: [part('(i)')] });
    w.postId = await send('/posts', { title: 'Project Manager, Transformation & Technology' });
    w.vacantPostId = await send('/posts', { title: 'Senior Consultation Officer' });
    w.personId = await send('/people', { name: 'Tony Fitzgerald' });
    await send(`/posts/${w.postId}/holder`, { personId: w.personId });
    const assign = (key: string, resolutionId: string, title: string, extra: object) =>
      send('/actions', { resolutionId, partLabel: '(i)', title, ownerPostId: w.postId, dueDate: '2017-03-31', ...extra }).then(
        (id) => (ids[key] = id),
      );
    await assign('febFirst', w.febResolution, 'Assigned first but arising in February', {});
    await assign('quotes', w.janResolution, 'Report "final" figures, by team\nand by grade', { partLabel: '(ii)', dueDate: '2017-02-15' });
    await assign('formula', w.janResolution, '=HYPERLINK("http://evil.example","click")', {
      ownerPostId: w.vacantPostId,
      dueMeetingId: w.february,
      dueDate: undefined,
    });
    await assign('closed', w.janResolution, '@SUM(A1:A2)', {});
    for (let n = 0; n < 7; n++) await assign(`filler${n}`, w.janResolution, `Filler ${n}`, {});
    await send(`/actions/${ids.quotes}/progress`, { note: '-5% on last month, see "Ref: 7"', rag: 'red' });
    await send(`/actions/${ids.formula}/progress`, { note: '+44 1582 546000 called', rag: 'amber' });
    await send(`/actions/${ids.closed}/completion`, { outcome: 'Done' });
    await send(`/actions/${ids.closed}/sign-off`, {});
  });
  afterAll(() => f.close());

  it('answers the log as JSON by meeting date, then ref (A10 after A9), with item, paper, owner, status, RAG, latest update, outcome and date closed', async () => {
    const res = await log();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.committee).toEqual({ committeeId: w.committeeId, name: 'Scrutiny Task & Finish Group' });
    const refs = res.body.rows.map((r: { ref: string }) => r.ref);
    expect(refs).toEqual(['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A1']);
    const byId = (id: string | undefined) => res.body.rows.find((r: { actionId: string }) => r.actionId === id);
    expect(byId(ids.quotes)).toEqual({
      actionId: ids.quotes,
      ref: 'A2',
      meetingId: w.january,
      meetingDate: '2017-01-16',
      itemNumber: '02',
      itemTitle: 'Draft consultation summary',
      paperRef: 'Ref: 4.1',
      partLabel: '(ii)',
      action: 'Report "final" figures, by team\nand by grade',
      owner: 'Project Manager, Transformation & Technology (Tony Fitzgerald)',
      ownerPost: { postId: w.postId, title: 'Project Manager, Transformation & Technology' },
      holder: { personId: w.personId, name: 'Tony Fitzgerald' },
      dueOn: '2017-02-15',
      status: 'overdue',
      ragStatus: 'red',
      latestUpdate: '-5% on last month, see "Ref: 7"',
      outcome: null,
      signOffNote: null,
      dateClosed: null,
    });
    expect(byId(ids.formula)).toMatchObject({
      owner: 'Senior Consultation Officer',
      holder: null,
      dueOn: '2017-02-20',
      status: 'overdue',
      ragStatus: 'amber',
    });
    expect(byId(ids.closed)).toMatchObject({ status: 'complete', outcome: 'Done', dateClosed: '2017-02-21' });
    expect(byId(ids.febFirst)).toMatchObject({ meetingDate: '2017-02-20', itemNumber: '01', itemTitle: 'Matters arising', status: 'open' });
  });

  it('shows open actions as overdue only past their due date as of asOf', async () => {
    const res = await log({ asOf: '2017-02-15' });
    expect(res.body.rows.find((r: { actionId: string }) => r.actionId === ids.quotes).status).toBe('open');
  });

  it('answers CSV with a header row, RFC 4180 quoting and formula-looking cells neutralised', async () => {
    const res = await log({ format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="action-log-scrutiny-task-finish-group.csv"');
    const text = res.text;
    expect(text).toContain('"Report ""final"" figures, by team\nand by grade"');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'Ref',
      'Meeting date',
      'Item',
      'Item title',
      'Paper ref',
      'Resolution part',
      'Action',
      'Owner',
      'Due',
      'Status',
      'RAG',
      'Latest update',
      'Outcome',
      'Sign-off note',
      'Date closed',
    ]);
    expect(rows).toHaveLength(12);
    const byRef = (ref: string) => rows.find((r) => r[0] === ref);
    expect(byRef('A2')).toEqual([
      'A2',
      '2017-01-16',
      '02',
      'Draft consultation summary',
      'Ref: 4.1',
      '(ii)',
      'Report "final" figures, by team\nand by grade',
      'Project Manager, Transformation & Technology (Tony Fitzgerald)',
      '2017-02-15',
      'overdue',
      'red',
      '\'-5% on last month, see "Ref: 7"',
      '',
      '',
      '',
    ]);
    expect(byRef('A3')?.[6]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(byRef('A3')?.[11]).toBe("'+44 1582 546000 called");
    expect(byRef('A4')?.slice(6, 15)).toEqual([
      "'@SUM(A1:A2)",
      'Project Manager, Transformation & Technology (Tony Fitzgerald)',
      '2017-03-31',
      'complete',
      '',
      '',
      'Done',
      '',
      '2017-02-21',
    ]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('answers CSV for Accept: text/csv, and JSON when format=json or JSON is preferred', async () => {
    const csv = await log().set('Accept', 'text/csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('Ref,Meeting date,')).toBe(true);
    expect((await log({ format: 'json' }).set('Accept', 'text/csv')).body.rows).toHaveLength(11);
    expect((await log().set('Accept', 'application/json, text/csv;q=0.5')).headers['content-type']).toMatch(/^application\/json/);
    expect((await log().set('Accept', '*/*')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 404 for an unknown committee, 400 for a malformed id or an unknown format', async () => {
    expectProblem(await view(`/committees/${randomUUID()}/action-log`), 404, 'committee-not-found');
    expectProblem(await view(`/committees/${randomUUID()}/action-log`, { format: 'csv' }), 404, 'committee-not-found');
    expectProblem(await view('/committees/c-1/action-log'), 400, 'validation-failed');
    expectProblem(await log({ format: 'xlsx' }), 400, 'validation-failed');
  });

  describe('every view', () => {
    type ViewRequest = readonly [path: string, query: Record<string, string>, headers: Record<string, string>];
    const views = (): ViewRequest[] => [
      [`/committees/${w.committeeId}/action-log`, {}, {}],
      [`/committees/${w.committeeId}/action-log`, { format: 'csv' }, {}],
      ['/overdue', { committeeId: w.committeeId }, {}],
      ['/me/queue', {}, f.as(['officer'], w.personId)],
      [`/posts/${w.postId}/queue`, {}, {}],
      [`/posts/${w.postId}`, {}, {}],
      [`/actions/${ids.quotes}`, {}, {}],
      [`/meetings/${w.january}`, {}, {}],
      [`/resolutions/${w.janResolution}`, {}, {}],
    ];
    const get = ([path, query, headers]: ViewRequest, minPosition: string) =>
      f
        .http()
        .get(`/api/v1${path}`)
        .query({ ...query, minPosition })
        .set(headers);

    it('answers X-Projection-Position at or past the position it was asked for', async () => {
      for (const request of views()) {
        const res = await get(request, String(position));
        expect({ path: request[0], status: res.status }).toEqual({ path: request[0], status: 200 });
        expect(Number(res.headers['x-projection-position'])).toBeGreaterThanOrEqual(position);
      }
    });

    it('answers 400 at once for a position past the last written event (503 for one written but not yet applied: read-your-writes.e2e)', async () => {
      const answers = await Promise.all(views().map((request) => get(request, '9999999999999999')));
      for (const res of answers) expectProblem(res, 400, 'position-not-written');
    });

    it('answers 400 for a malformed minPosition', async () => {
      for (const request of views()) {
        for (const minPosition of ['-1', '12abc', '1.5', '99999999999999999', '']) {
          expectProblem(await get(request, minPosition), 400, 'validation-failed');
        }
      }
    });
  });
});
