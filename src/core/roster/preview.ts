import fs from 'node:fs';
import { usageError } from '../../errors.js';
import { CsvReader, detectDelimiter, type CsvEvent } from './csv.js';
import { makeDecoder, type Encoding, type ENCODINGS } from './encoding.js';
import { inspectFile } from './reader.js';
import type { ColumnTarget } from './fields.js';
import { HEADER_SEARCH_ROWS, headerKey, isHeader, matchHeader, missingRequired } from './headers.js';

export interface PreviewColumn {
  heading: string;
  /** The heading as the import's column map keys it (what `import.columns` remembers). */
  key: string;
  /** The field the column feeds; null when left out (unknown, or a repeat of an earlier column). */
  target: ColumnTarget | null;
  duplicate: boolean;
  /** The first few non-blank values under the heading. */
  samples: string[];
}

export interface RosterPreview {
  file: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  headerRow: number;
  columns: PreviewColumn[];
  /** Fields every roster needs that no column gives yet. */
  missing: ('kim_name' | 'officer_name')[];
}

export interface PreviewOptions {
  encoding: (typeof ENCODINGS)[number];
  delimiter: string;
  map: Map<string, ColumnTarget>;
  samples?: number;
}

/** Enough for a header and a handful of rows, however wide the roster. */
const HEAD_BYTES = 256 * 1024;

async function readHead(file: string): Promise<{ bytes: Buffer; whole: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { bytes: buffer.subarray(0, bytesRead), whole: bytesRead < HEAD_BYTES };
  } finally {
    await handle.close();
  }
}

/**
 * What the import would make of a file, from its first rows only: encoding and delimiter chosen by
 * the same rules, the header found the same way, each heading with the field it feeds and a few
 * sample values. Unlike the import, a missing required column is reported, not refused, so that
 * the clerk can map one. Throws the import's own errors for files that are not rosters.
 */
export async function previewRoster(file: string, options: PreviewOptions): Promise<RosterPreview> {
  // The whole file is scanned: one byte deep in it can decide the encoding.
  const { name, scan, encoding } = await inspectFile(file, options.encoding);
  const head = await readHead(file);
  const decoder = makeDecoder(encoding);
  const text = decoder.write(head.bytes) + (head.whole ? decoder.end() : '');
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;

  const records: Extract<CsvEvent, { kind: 'record' }>[] = [];
  const reader = new CsvReader(delimiter);
  const collect = (e: CsvEvent) => {
    if (e.kind === 'record') records.push(e);
  };
  reader.push(text, collect);
  if (head.whole) reader.end(collect);

  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank.slice(0, HEADER_SEARCH_ROWS).find((r) => isHeader(matchHeader(r.cells, options.map)));
  if (!header) throw usageError(nonBlank.length === 0 ? 'import.empty' : 'import.noHeader', { file: name });
  const match = matchHeader(header.cells, options.map);
  const rows = nonBlank.filter((r) => r.row > header.row);
  const wanted = options.samples ?? 3;
  const columns = header.cells.map((cell, i): PreviewColumn => {
    const heading = cell.trim();
    const samples: string[] = [];
    for (const r of rows) {
      const v = r.cells[i]?.trim();
      if (v && !samples.includes(v)) samples.push(v);
      if (samples.length >= wanted) break;
    }
    return { heading, key: headerKey(heading), target: match.targets[i] ?? null, duplicate: match.duplicates.includes(heading) && match.targets[i] === null, samples };
  });
  return { file, encoding, bom: scan.bom !== null, delimiter, headerRow: header.row, columns, missing: missingRequired(match) };
}
