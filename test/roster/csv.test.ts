import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter, type CsvEvent } from '../../src/core/roster/csv.js';

/** Feeds text in chunks of the given size, as a stream would, and collects what comes out. */
function parse(text: string, delimiter = ',', chunk = 3): CsvEvent[] {
  const out: CsvEvent[] = [];
  const reader = new CsvReader(delimiter);
  for (let i = 0; i < text.length; i += chunk) reader.push(text.slice(i, i + chunk), (e) => out.push(e));
  reader.end((e) => out.push(e));
  return out;
}

const records = (events: CsvEvent[]) => events.map((e) => (e.kind === 'record' ? [e.row, ...e.cells] : [e.row, `!${e.reason}`]));

describe('CsvReader', () => {
  it.each([
    ['plain rows', 'a,b\n1,2\n', [[1, 'a', 'b'], [2, '1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [[1, 'a', 'b'], [2, '1', '2']]],
    ['lone CR (old Mac)', 'a,b\r1,2\r', [[1, 'a', 'b'], [2, '1', '2']]],
    ['no final newline', 'a,b\n1,2', [[1, 'a', 'b'], [2, '1', '2']]],
    ['quoted comma', 'a,"b,c"\n', [[1, 'a', 'b,c']]],
    ['quoted newline is one row', 'a,"Jl. X,\nRT 3"\nz,y\n', [[1, 'a', 'Jl. X,\nRT 3'], [2, 'z', 'y']]],
    ['quoted CRLF inside', 'a,"x\r\ny"\r\nz,y\r\n', [[1, 'a', 'x\r\ny'], [2, 'z', 'y']]],
    ['doubled quotes', 'a,"say ""hi"""\n', [[1, 'a', 'say "hi"']]],
    ['quote inside an unquoted field is kept', 'a,Jl. "Melati" 5\n', [[1, 'a', 'Jl. "Melati" 5']]],
    ['empty quoted field', 'a,"",c\n', [[1, 'a', '', 'c']]],
    ['blank line keeps its row number', 'a,b\n\n1,2\n', [[1, 'a', 'b'], [2, ''], [3, '1', '2']]],
    ['unclosed quote rejects one row and reads on', 'a,b\n1,"oops\n2,3\n', [[1, 'a', 'b'], [2, '!brokenQuoting'], [3, '2', '3']]],
    ['text after a closing quote is broken', 'a,b\n"x"y,1\n2,3\n', [[1, 'a', 'b'], [2, '!brokenQuoting'], [3, '2', '3']]],
    ['semicolons', 'a;b;c\n', [[1, 'a', 'b', 'c']], ';'],
    ['tabs', 'a\tb\n', [[1, 'a', 'b']], '\t'],
  ] as [string, string, unknown[][], string?][])('%s', (_name, text, expected, delimiter = ',') => {
    for (const chunk of [1, 2, 5, 1000]) expect(records(parse(text, delimiter, chunk))).toEqual(expected);
  });

  it('rejects a line longer than 8 MiB and reads the next one', () => {
    const events = parse('a,b\n' + 'x'.repeat(9 << 20) + '\n1,2\n', ',', 1 << 20);
    expect(records(events)).toEqual([[1, 'a', 'b'], [2, '!lineTooLong'], [3, '1', '2']]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['NO;NAMA KIM;KECAMATAN\n1;A;B\n', ';'],
    ['Nama KIM,Kecamatan,Desa\nx,y,z\n', ','],
    ['Nama KIM\tKecamatan\tDesa\nx\ty\tz\n', '\t'],
    ['Nama KIM|Kecamatan|Desa\nx|y|z\n', '|'],
    ['"Nama, KIM";Kecamatan;Desa\nx;y;z\n', ';'],
    ['DAFTAR PENGURUS KIM\nNama KIM;Kecamatan;Desa\nx;y;z\n', ';'],
    ['Nama KIM;Alamat\n"A";"Jl. X, RT 1, RW 2"\n', ';'],
  ])('%j → %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});
