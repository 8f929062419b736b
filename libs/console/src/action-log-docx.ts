import type { TableCell } from 'docx';

/** One line of a committee's action log, as the API's action log gives it (null: an empty cell). */
export interface ActionLogLine {
  readonly actionId: string;
  readonly ref: string;
  readonly meetingId: string;
  readonly meetingDate: string;
  readonly itemNumber: string | null;
  readonly itemTitle: string | null;
  readonly paperRef: string | null;
  readonly partLabel: string | null;
  readonly action: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: string;
  readonly ragStatus: string | null;
  readonly latestUpdate: string | null;
  readonly outcome: string | null;
  readonly signOffNote: string | null;
  readonly dateClosed: string | null;
}

type TextColumn = Exclude<keyof ActionLogLine, 'actionId' | 'meetingId'>;

/** The committee-papers columns, in the order and with the headers of the API's CSV. */
export const ACTION_LOG_COLUMNS: readonly { readonly key: TextColumn; readonly header: string }[] = [
  { key: 'ref', header: 'Ref' },
  { key: 'meetingDate', header: 'Meeting date' },
  { key: 'itemNumber', header: 'Item' },
  { key: 'itemTitle', header: 'Item title' },
  { key: 'paperRef', header: 'Paper ref' },
  { key: 'partLabel', header: 'Resolution part' },
  { key: 'action', header: 'Action' },
  { key: 'owner', header: 'Owner' },
  { key: 'dueOn', header: 'Due' },
  { key: 'status', header: 'Status' },
  { key: 'ragStatus', header: 'RAG' },
  { key: 'latestUpdate', header: 'Latest update' },
  { key: 'outcome', header: 'Outcome' },
  { key: 'signOffNote', header: 'Sign-off note' },
  { key: 'dateClosed', header: 'Date closed' },
];

export interface ActionLogDocument {
  readonly committee: string;
  /** The date the log is as of, as the heading shows it (e.g. 21 February 2017). */
  readonly date: string;
  readonly rows: readonly ActionLogLine[];
}

const SMALL = 16; // half-points: 8pt keeps fifteen columns readable on a landscape A4 page

/**
 * The action log as a Word document: a heading naming the committee and date, and one landscape table.
 * docx is loaded on the first download, not with the console: most processes never build one.
 */
export async function actionLogDocx(log: ActionLogDocument): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import('docx');
  const cell = (text: string, bold = false): TableCell =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: SMALL })] })] });
  const header = new TableRow({ tableHeader: true, children: ACTION_LOG_COLUMNS.map((c) => cell(c.header, true)) });
  const rows = log.rows.map((row) => new TableRow({ children: ACTION_LOG_COLUMNS.map((c) => cell(row[c.key] ?? '')) }));
  const document = new Document({
    creator: 'Actiontrail',
    title: `${log.committee} action log`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT, text: `${log.committee}: action log` }),
          new Paragraph({ text: `As of ${log.date}` }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
