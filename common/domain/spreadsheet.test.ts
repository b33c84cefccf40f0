import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeCell, spreadsheetCsv } from './spreadsheet';

describe('spreadsheet-safe CSV', () => {
  it.each([
    '=1+1',
    '+SUM(A1)',
    '-2+3',
    '@cmd',
    '\tx',
    '\rx',
    '=HYPERLINK("https://evil.example")\nnext line',
  ])('neutralises %j with a leading quote', (value) => {
    expect(safeCell(value)).toBe(`'${value}`);
    const csv = spreadsheetCsv(['a'], [[value]]);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[1]![0]).toBe(`'${value}`);
  });

  it('leaves ordinary text and numbers alone, quotes what needs quoting, and adds a BOM and CRLF', () => {
    const csv = spreadsheetCsv(
      ['name', 'count'],
      [
        ['Zoë, "the" boss', 3],
        ['x', -4],
      ],
    );
    expect(csv.startsWith('\uFEFFname,count\r\n')).toBe(true);
    expect(csv).toContain('"Zoë, ""the"" boss",3\r\n');
    expect(csv).toContain('x,-4\r\n');
    expect(spreadsheetCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });
});
