import fs from 'node:fs';
import type { Db } from '../../db/connection.js';

/** The page cache while the index is built, in KiB (negative: SQLite's unit for KiB). */
const SORT_CACHE_KIB = -16384;
/** Fewer officers than this are cheaper to index one by one. */
const MIN_ROWS = 50_000;
/** A roster row is rarely shorter than this many bytes, so bytes / this over-estimates rows a little. */
const BYTES_PER_ROW = 150;

/**
 * Officers arrive in community order, so their NIKs land all over the NIK index: each insert
 * dirties a random page, and a big import spills those pages to the WAL again and again. Building
 * the index once at the end (a sort) is faster when the import brings more officers than are
 * stored. Dropping it is part of the import's transaction, so a killed import keeps it too.
 * Returns what puts the index back, to run before COMMIT.
 */
export function deferNikIndex(db: Db, files: string[]): (() => void) | undefined {
  const bytes = files.reduce((sum, f) => sum + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
  const incoming = bytes / BYTES_PER_ROW;
  if (incoming < MIN_ROWS) return undefined;
  const stored = (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM officers`).get() as { n: number }).n;
  if (incoming < stored) return undefined;
  const index = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'officers_nik'`).get() as { sql: string } | undefined;
  if (!index) return undefined;
  db.exec('DROP INDEX officers_nik');
  return () => {
    // SQLite's sorter may use as much memory as the page cache; a smaller cache while it sorts
    // keeps the import within its memory budget.
    const cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${SORT_CACHE_KIB}`);
    try {
      db.exec(index.sql);
    } finally {
      db.pragma(`cache_size = ${Math.trunc(cache)}`);
    }
  };
}
