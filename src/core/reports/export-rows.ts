import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { exportColumns, type ExportColumn, type ExportKind } from './export-columns.js';
import { maskNiksInText } from '../ids/mask.js';
import { joinedChunkSql, jsonChunkSql, MASK_NIKS_IN_TEXT_SQL, rawRangeSql, rawRowsSql, type ExportSqlOptions } from './export-sql.js';

/** Records per chunk: large enough to spare the per-row hand-over, small enough to stay flat. */
export const CHUNK_SIZE = 2000;

/**
 * The rows of a full export, read a chunk at a time inside one read transaction (a consistent
 * snapshot however long the writing takes), so memory stays flat at any size. NIKs come masked
 * unless includeNik.
 */
export interface ExportSource {
  kind: ExportKind;
  columns: ExportColumn[];
  count(): number;
  /** The records in chunks of bytes, fields joined by U+001F, records by U+001E (see joinedChunkSql). */
  joinedChunks(): IterableIterator<JoinedChunk>;
  /** The records of one chunk as separate values. */
  rawRange(after: number, last: number): unknown[][];
  /** The records in chunks of JSON objects joined by ",\n". */
  jsonChunks(): IterableIterator<TextChunk>;
  /** Each record as values in column order; booleans as true/false. */
  raw(): IterableIterator<unknown[]>;
}

const COUNT_SQL: Record<ExportKind, string> = {
  communities: 'SELECT count(*) FROM communities',
  officers: 'SELECT count(*) FROM officers',
};

/** A run of records as one text. */
export interface TextChunk {
  text: string;
  count: number;
}

/** A run of records as UTF-8 bytes: fields joined by U+001F, records by U+001E. */
export interface JoinedChunk {
  bytes: Uint8Array;
  /** The records are those after id `after`, up to `last`. */
  after: number;
  last: number;
  count: number;
}

/** Runs a chunk statement (after id ?) until it finds no more records. */
function* chunks<T extends { last: number | null; count: number }>(statement: Statement): Generator<T & { after: number; last: number }> {
  let after = 0;
  for (;;) {
    const row = statement.get(after) as T;
    if (row.count === 0 || row.last === null) return;
    yield { ...row, after, last: row.last };
    after = row.last;
  }
}

/** The SQL functions the export's statements call (see export-sql's `note` columns). */
export function registerExportFunctions(db: Db): void {
  db.function(MASK_NIKS_IN_TEXT_SQL, { deterministic: true }, (text) => (typeof text === 'string' ? maskNiksInText(text) : text));
}

export function exportSource(db: Db, kind: ExportKind, options: ExportSqlOptions): ExportSource {
  const columns = exportColumns(kind, options);
  registerExportFunctions(db);
  const bools = columns.flatMap((c, i) => (c.kind === 'bool' ? [i] : []));
  const typed = (row: unknown[]): unknown[] => {
    for (const i of bools) if (row[i] !== null) row[i] = row[i] === 1;
    return row;
  };
  return {
    kind,
    columns,
    count: () => db.prepare(COUNT_SQL[kind]).pluck().get() as number,
    joinedChunks: () => chunks<{ bytes: Buffer; last: number | null; count: number }>(db.prepare(joinedChunkSql(kind, options, CHUNK_SIZE))),
    rawRange: (after, last) => db.prepare(rawRangeSql(kind, options)).raw(true).all(after, last) as unknown[][],
    jsonChunks: () => chunks<{ text: string; last: number | null; count: number }>(db.prepare(jsonChunkSql(kind, options, CHUNK_SIZE))),
    *raw() {
      for (const row of db.prepare(rawRowsSql(kind, options)).raw(true).iterate()) yield typed(row as unknown[]);
    },
  };
}

/**
 * Runs an asynchronous export inside one read transaction: every chunk comes from the same
 * snapshot while other kim processes go on writing (WAL), so no record is missed or doubled.
 */
export async function inReadSnapshot<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    return await work();
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}
