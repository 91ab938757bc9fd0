import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x' }])).toBe('a,b\r\n1,x\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    const evidence = 'Officials said "a record year", adding:\nmore later';
    expect(toCsv(['e', 's'], [{ e: evidence, s: 'plain' }])).toBe(
      'e,s\r\n"Officials said ""a record year"", adding:\nmore later",plain\r\n',
    );
  });

  it('leaves empty cells for missing values and keeps numbers as numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: null, c: -2.5 }])).toBe('a,b,c\r\n,,-2.5\r\n');
    expect(toCsv(['derived', 'stated'], [{ derived: true, stated: false }])).toBe(
      'derived,stated\r\ntrue,false\r\n',
    );
  });

  it('stops a spreadsheet from running text as a formula', () => {
    expect(toCsv(['e'], [{ e: '=HYPERLINK("http://x")' }])).toBe('e\r\n"\'=HYPERLINK(""http://x"")"\r\n');
    expect(toCsv(['e'], [{ e: '-1+1' }])).toBe("e\r\n'-1+1\r\n");
  });
});
