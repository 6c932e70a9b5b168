import JSZip from 'jszip';
import { residentId } from '../../factories/identities';
import { CSV, XLSX, gb18030, rosterCsv, xlsxRoster } from '../../factories/roster-files';
import { makeRoster } from '../../factories/scenario';

/** The most workers one roster may list (src/claims/roster/roster-limits.ts). */
export const ROSTER_MAX_ROWS = 5_000;

export interface Upload {
  name: string;
  bytes: Buffer;
  /** Undefined: sent with no content type at all. */
  contentType: string | undefined;
  /** A roster over the limit, or over the body limit: refused, and quickly. */
  mustBeRefused?: boolean;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ad0000000049454e44ae426082', 'hex');
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(2048, 0x90)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('PE\0\0'), Buffer.alloc(1024, 0xcc)]);

/**
 * Roster files built once per suite: empty, mis-typed (a PNG or an executable named as a roster), not a
 * workbook, a small workbook that unzips to more than the 50 MB the reader allows, rosters one worker
 * and far over the 5,000-worker cap in every accepted format, a body over the size limit, CSVs of
 * broken shape and hostile cells, and one good small roster (so the success path is fuzzed too).
 */
export async function hostileUploads(bodyLimitBytes: number, firstNumber: number): Promise<Upload[]> {
  const rows = (count: number, from: number) => makeRoster(count, BigInt(count) * 1_000_000n, from); // 10,000 yuan each, give or take the spread of 2,000
  const overCap = rows(ROSTER_MAX_ROWS + 1, firstNumber);
  const farOverCap = rows(20_000, firstNumber + 100_000);
  const small = rows(2, firstNumber + 200_000);
  const heading = ['姓名', '身份证号', '主张金额'];
  const workbookOf = (list: typeof small) => xlsxRoster(heading, list.map((r) => [r.name, r.idNumber, r.amountClaimed]));
  const jsonOf = (list: typeof small) => Buffer.from(JSON.stringify({ rows: list.map(({ name, idNumber, amountClaimed }) => ({ name, idNumber, amountClaimed })) }));

  const notAWorkbook = new JSZip();
  notAWorkbook.file('readme.txt', 'hello');
  const bomb = await JSZip.loadAsync(await workbookOf(small));
  bomb.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'x'.repeat(60 * 1024 * 1024)}</t></si></sst>`,
  );
  const line = `张三,${residentId(1)},100.00\r\n`;

  const csvOf = (text: string) => Buffer.from(text);
  const uploads: Upload[] = [
    { name: 'empty CSV', bytes: Buffer.alloc(0), contentType: CSV },
    { name: 'empty XLSX', bytes: Buffer.alloc(0), contentType: XLSX },
    { name: 'empty JSON', bytes: Buffer.alloc(0), contentType: 'application/json' },
    { name: 'a PNG sent as CSV', bytes: PNG, contentType: CSV },
    { name: 'a PNG sent as XLSX', bytes: PNG, contentType: XLSX },
    { name: 'an ELF executable sent as XLSX', bytes: ELF, contentType: XLSX },
    { name: 'a Windows executable sent as CSV', bytes: EXE, contentType: CSV },
    { name: 'random bytes sent as XLSX', bytes: Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + 13) % 256)), contentType: XLSX },
    { name: 'a zip that is no workbook', bytes: await notAWorkbook.generateAsync({ type: 'nodebuffer' }), contentType: XLSX },
    {
      name: 'a small XLSX that unzips to 60 MB',
      bytes: await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
      contentType: XLSX,
      mustBeRefused: true,
    },
    { name: 'a workbook sent as CSV', bytes: await workbookOf(small), contentType: CSV },
    { name: 'a CSV sent as XLSX', bytes: csvOf(rosterCsv(small)), contentType: XLSX },
    { name: `a CSV of ${ROSTER_MAX_ROWS + 1} workers`, bytes: csvOf(rosterCsv(overCap)), contentType: CSV, mustBeRefused: true },
    { name: 'a CSV of 20,000 workers in GB18030', bytes: gb18030(rosterCsv(farOverCap)), contentType: CSV, mustBeRefused: true },
    { name: `an XLSX of ${ROSTER_MAX_ROWS + 1} workers`, bytes: await workbookOf(overCap), contentType: XLSX, mustBeRefused: true },
    { name: `a JSON roster of ${ROSTER_MAX_ROWS + 1} workers`, bytes: jsonOf(overCap), contentType: 'application/json', mustBeRefused: true },
    { name: 'a JSON roster of 20,000 workers', bytes: jsonOf(farOverCap), contentType: 'application/json', mustBeRefused: true },
    {
      name: 'a CSV over the body limit',
      bytes: csvOf('姓名,身份证号,主张金额\r\n' + line.repeat(Math.ceil((bodyLimitBytes + 1024) / Buffer.byteLength(line)))),
      contentType: CSV,
      mustBeRefused: true,
    },
    { name: 'a CSV with only a header', bytes: csvOf('姓名,身份证号,主张金额'), contentType: CSV },
    { name: 'a CSV with no known column', bytes: csvOf('a,b,c\r\n1,2,3'), contentType: CSV },
    { name: 'a CSV with an unclosed quote', bytes: csvOf(`姓名,身份证号,主张金额\r\n"张三,${residentId(2)},100.00`), contentType: CSV },
    { name: 'a CSV with NUL and control characters', bytes: csvOf(`姓名,身份证号,主张金额\r\n张\u0000三,${residentId(3)},100.00\r\n\u001b[31m李四,${residentId(4)},1.00`), contentType: CSV },
    { name: 'a CSV with formulas and hostile cells', bytes: csvOf(`姓名,身份证号,主张金额,备注\r\n=cmd|"/c calc"!A1,${residentId(5)},100.005,'; DROP TABLE claims; --\r\n${'字'.repeat(3000)},../../etc/passwd,-1,\u202e`), contentType: CSV },
    { name: 'a CSV with a BOM and lone CRs', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csvOf(`姓名,身份证号,主张金额\r王五,${residentId(6)},1e309\r`)]), contentType: CSV },
    { name: 'a CSV with 1,000 columns', bytes: csvOf(Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',') + '\r\n' + '1,'.repeat(999) + '1'), contentType: CSV },
    { name: 'invalid UTF-8 sent as CSV', bytes: Buffer.from([0xff, 0xfe, 0xfd, 0x2c, 0xc3, 0x28, 0x0d, 0x0a, 0xe2, 0x82]), contentType: 'text/csv; charset=utf-8' },
    { name: 'a JSON roster that is an array', bytes: Buffer.from(JSON.stringify(small)), contentType: 'application/json' },
    { name: 'a JSON roster with rows of the wrong type', bytes: Buffer.from(JSON.stringify({ rows: [null, 1, 'x', [], { name: {} }, { name: 'x'.repeat(5000), idNumber: [], amountClaimed: 1e308 }] })), contentType: 'application/json' },
    { name: 'a JSON roster of rows as an object', bytes: Buffer.from(JSON.stringify({ rows: { 0: small[0] } })), contentType: 'application/json' },
    { name: 'a CSV sent as text/plain', bytes: csvOf(rosterCsv(small)), contentType: 'text/plain' },
    { name: 'a CSV sent with no content type', bytes: csvOf(rosterCsv(small)), contentType: undefined },
    { name: 'a CSV sent as application/octet-stream', bytes: csvOf(rosterCsv(small)), contentType: 'application/octet-stream' },
    {
      name: 'a CSV sent as multipart/form-data',
      bytes: csvOf(`--x\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n${rosterCsv(small)}\r\n--x--\r\n`),
      contentType: 'multipart/form-data; boundary=x',
    },
    { name: 'a CSV sent as TEXT/CSV; charset=gbk', bytes: gb18030(rosterCsv(small)), contentType: 'TEXT/CSV; charset=gbk' },
    { name: 'a good CSV roster', bytes: csvOf(rosterCsv(small)), contentType: CSV },
    { name: 'a good XLSX roster', bytes: await workbookOf(small), contentType: XLSX },
    { name: 'a good JSON roster', bytes: jsonOf(small), contentType: 'application/json' },
  ];
  return uploads;
}
