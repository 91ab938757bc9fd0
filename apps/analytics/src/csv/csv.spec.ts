import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x' }])).toBe('a,b\r\n1,x\r\n');
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces and doubles the quotes', () => {
    const evidence = 'Officials said "a record year", adding:\nmore later';
    expect(toCsv(['e', 's'], [{ e: evidence, s: ' padded' }])).toBe(
      'e,s\r\n"Officials said ""a record year"", adding:\nmore later"," padded"\r\n',
    );
  });

  it('leaves empty cells for missing values and keeps numbers as numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: null, c: -2.5 }])).toBe('a,b,c\r\n,,-2.5\r\n');
  });

  it('stops a spreadsheet from running text as a formula', () => {
    expect(toCsv(['e'], [{ e: '=HYPERLINK("http://x")' }])).toBe('e\r\n"\'=HYPERLINK(""http://x"")"\r\n');
  });
});
