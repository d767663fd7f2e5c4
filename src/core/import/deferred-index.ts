import fs from 'node:fs';
import type { Db } from '../../db/connection.js';

/**
 * The page cache while the index is set aside, in KiB (negative: SQLite's unit for KiB). Without
 * the NIK index the officers the import writes are appended, and only the KIMs' own index takes
 * scattered inserts, so a small cache does as well as the usual 48 MiB (measured: 15.3 s against
 * 15.8 s at a million rows, 100,000 KIMs), and SQLite's sorter, which may use
 * as much as the cache when the index is built again, stays small too: the import's peak memory
 * is about 200 MiB instead of 235.
 */
const SMALL_CACHE_KIB = -16384;
/** Fewer officers than this are cheaper to index one by one. */
const MIN_ROWS = 50_000;
/** A roster row is rarely shorter than this many bytes, so bytes / this over-estimates rows a little. */
const BYTES_PER_ROW = 150;

export interface DeferredIndex {
  /** Builds the index again; before COMMIT. */
  rebuild(): void;
  /** Gives the connection its page cache back, whether the batch was kept or not. */
  release(): void;
}

/**
 * Officers arrive in community order, so their NIKs land all over the NIK index: each insert
 * dirties a random page, and a big import spills those pages to the WAL again and again. Building
 * the index once at the end (a sort) is faster when the import brings more officers than are
 * stored. Dropping it is part of the import's transaction, so a killed import keeps it too.
 */
export function deferNikIndex(db: Db, files: string[]): DeferredIndex | undefined {
  const bytes = files.reduce((sum, f) => sum + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
  const incoming = bytes / BYTES_PER_ROW;
  if (incoming < MIN_ROWS) return undefined;
  const stored = (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM officers`).get() as { n: number }).n;
  if (incoming < stored) return undefined;
  const index = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'officers_nik'`).get() as { sql: string } | undefined;
  if (!index) return undefined;
  db.exec('DROP INDEX officers_nik');
  const cache = Math.trunc(db.pragma('cache_size', { simple: true }) as number);
  db.pragma(`cache_size = ${SMALL_CACHE_KIB}`);
  return {
    rebuild: () => db.exec(index.sql),
    release: () => db.pragma(`cache_size = ${cache}`),
  };
}
