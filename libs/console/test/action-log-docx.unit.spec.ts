import { inflateRawSync } from 'node:zlib';
import { actionLogDocx, type ActionLogLine } from '../src/action-log-docx.js';

/** One file of a zip, found through its central directory (the local headers may defer sizes to a data descriptor). */
function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at = next;
  }
  throw new Error(`${name} is not in the zip`);
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

const rowsOf = (xml: string): string[][] =>
  [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));

const line: ActionLogLine = {
  actionId: 'a-1',
  ref: 'STF/2017/1',
  meetingId: 'm-1',
  meetingDate: '2017-01-16',
  itemNumber: '4',
  itemTitle: 'Recruitment & retention',
  paperRef: 'Ref: 7',
  partLabel: '(a)',
  action: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
  owner: 'Project Manager, Transformation & Technology (Tony Fitzgerald)',
  dueOn: '2017-02-20',
  status: 'complete',
  ragStatus: 'green',
  latestUpdate: 'Metrics <collated>',
  outcome: 'Reported to the February meeting',
  signOffNote: 'Signed off',
  dateClosed: '2017-03-20',
};

describe('actionLogDocx', () => {
  it('writes a heading naming the committee and the date, then one table: the header row and a row per action, every column', async () => {
    const xml = unzipEntry(
      await actionLogDocx({ committee: 'Scrutiny Task & Finish Group', date: '21 February 2017', rows: [line] }),
      'word/document.xml',
    );

    expect(textOf(xml.slice(0, xml.indexOf('<w:tbl>')))).toBe('Scrutiny Task & Finish Group: action logAs of 21 February 2017');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(rowsOf(xml)).toEqual([
      [
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
      ],
      [
        'STF/2017/1',
        '2017-01-16',
        '4',
        'Recruitment & retention',
        'Ref: 7',
        '(a)',
        'Collate final metrics for Vacancy, Turnover and Agency Rates',
        'Project Manager, Transformation & Technology (Tony Fitzgerald)',
        '2017-02-20',
        'complete',
        'green',
        'Metrics <collated>',
        'Reported to the February meeting',
        'Signed off',
        '2017-03-20',
      ],
    ]);
  });

  it('leaves an empty cell for a null and lays the page out landscape', async () => {
    const xml = unzipEntry(
      await actionLogDocx({ committee: 'C', date: '1 March 2017', rows: [{ ...line, itemNumber: null, outcome: null, dateClosed: null }] }),
      'word/document.xml',
    );

    const cells = rowsOf(xml)[1] ?? [];
    expect([cells[2], cells[12], cells[14]]).toEqual(['', '', '']);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  });
});
