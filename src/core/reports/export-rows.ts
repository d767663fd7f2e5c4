import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { exportColumns, type ExportColumn, type ExportKind } from './export-columns.js';
import { joinedChunkSql, jsonChunkSql, rawRangeSql, rawRowsSql } from './export-sql.js';

/** A run of consecutive records as one text (see joinedChunkSql), after id `after` up to `last`. */
export interface Chunk {
  text: string;
  after: number;
  last: number;
  count: number;
}

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
  /** The records in chunks, fields joined by U+001F, records by U+001E (see joinedChunkSql). */
  joinedChunks(): IterableIterator<Chunk>;
  /** The records of one chunk as separate values. */
  rawRange(after: number, last: number): unknown[][];
  /** The records in chunks of JSON objects joined by ",\n". */
  jsonChunks(): IterableIterator<Chunk>;
  /** Each record as values in column order; booleans as true/false. */
  raw(): IterableIterator<unknown[]>;
}

const COUNT_SQL: Record<ExportKind, string> = {
  communities: 'SELECT count(*) FROM communities',
  officers: 'SELECT count(*) FROM officers',
};

function* chunks(statement: Statement): Generator<Chunk> {
  let after = 0;
  for (;;) {
    const row = statement.get(after) as { text: string | null; last: number | null; count: number };
    if (row.count === 0 || row.last === null) return;
    yield { text: row.text ?? '', after, last: row.last, count: row.count };
    after = row.last;
  }
}

export function exportSource(db: Db, kind: ExportKind, options: { includeNik: boolean }): ExportSource {
  const columns = exportColumns(kind);
  const bools = columns.flatMap((c, i) => (c.kind === 'bool' ? [i] : []));
  const typed = (row: unknown[]): unknown[] => {
    for (const i of bools) if (row[i] !== null) row[i] = row[i] === 1;
    return row;
  };
  return {
    kind,
    columns,
    count: () => db.prepare(COUNT_SQL[kind]).pluck().get() as number,
    joinedChunks: () => chunks(db.prepare(joinedChunkSql(kind, options, CHUNK_SIZE))),
    rawRange: (after, last) => db.prepare(rawRangeSql(kind, options)).raw(true).all(after, last) as unknown[][],
    jsonChunks: () => chunks(db.prepare(jsonChunkSql(kind, options, CHUNK_SIZE))),
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
