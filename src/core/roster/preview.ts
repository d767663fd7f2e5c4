import fs from 'node:fs';
import { usageError } from '../../errors.js';
import { CsvReader, detectDelimiter, type CsvEvent } from './csv.js';
import { makeDecoder, type Encoding, type ENCODINGS } from './encoding.js';
import { inspectFile } from './reader.js';
import type { ColumnTarget } from './fields.js';
import type { ColumnMaps } from './headers.js';
import { TableReader, type TableHeader } from './table.js';

export interface PreviewColumn {
  heading: string;
  /** The heading as the import's column map keys it (what `import.columns` remembers). */
  key: string;
  /** The field the column feeds; null when left out (unknown, a close call, or a repeat of a better column). */
  target: ColumnTarget | null;
  duplicate: boolean;
  /** For a heading kim could not place for certain: the likeliest fields, best first. */
  candidates: ColumnTarget[];
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
  maps: ColumnMaps;
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
 * the same rules, the table read by the same reader, each heading with the field it feeds and a few
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

  const rows: string[][] = [];
  let header: TableHeader | undefined;
  const table = new TableReader(name, options.maps, {
    header: (h) => (header = h),
    row: (_row, _record, cells) => rows.push(cells),
    reject: (r) => {
      if (r.cells.length > 1) rows.push(r.cells);
    },
  }, { requireNames: false });
  const reader = new CsvReader(delimiter);
  const push = (e: CsvEvent) => table.push(e);
  reader.push(text, push);
  if (head.whole) reader.end(push);
  table.end();
  if (!header) throw usageError('import.noHeader', { file: name });
  const wanted = options.samples ?? 3;
  const columns: PreviewColumn[] = [];
  header.columns.forEach((c, i) => {
    if (!c) return;
    const samples: string[] = [];
    for (const cells of rows) {
      const v = cells[i]?.trim();
      if (v && !samples.includes(v)) samples.push(v);
      if (samples.length >= wanted) break;
    }
    columns.push({ heading: c.heading, key: c.key, target: c.status === 'mapped' ? c.field : null, duplicate: c.status === 'duplicate', candidates: c.candidates, samples });
  });
  const have = new Set(columns.map((c) => c.target));
  const missing = (['kim_name', 'officer_name'] as const).filter((f) => !have.has(f));
  return { file, encoding, bom: scan.bom !== null, delimiter, headerRow: header.rows[0]!, columns, missing };
}
