import path from 'node:path';
import { beginWrite, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { audit } from '../../db/audit.js';
import { storedReference } from '../../db/regions.js';
import { provinceOf } from '../province/scope.js';
import { RegionResolver } from '../regions/resolve.js';
import type { ColumnMaps } from '../roster/headers.js';
import type { ENCODINGS } from '../roster/encoding.js';
import type { RosterFile } from '../roster/reader.js';
import type { Rejection } from '../roster/record.js';
import { applyFile } from './apply-file.js';
import { deferNikIndex, type DeferredIndex } from './deferred-index.js';
import { ImportSession, type CommunityOutcome, type Conflict, type Counts } from './session.js';

export interface ImportOptions {
  files: string[];
  dryRun: boolean;
  strict: boolean;
  replaceRosters: boolean;
  /** Conflicts with the office's edits go the file's way: all (--prefer-file), or those named (the desk). */
  preferFile?: boolean | string[];
  encoding: (typeof ENCODINGS)[number];
  delimiter: string;
  /** --map and the office's remembered headings. */
  maps: ColumnMaps;
  operator: string;
  today: string;
  /** The reason written on officers ended by --replace-rosters, in the clerk's language. */
  endReason: (batch: number) => string;
  onBytes?: (file: number, bytes: number) => void;
  onFileStart?: (file: number, bytes: number) => void;
}

export interface RejectedRow extends Rejection {
  file: string;
  header: string[];
  delimiter: string;
}

export interface ImportResult extends Counts {
  batch: number | null;
  dryRun: boolean;
  /** False when nothing was kept: a dry run, --strict with rejected rows, or no row to import. */
  committed: boolean;
  /** No row of any file could be imported (a header alone, or every row rejected): no batch. */
  noRows: boolean;
  files: (RosterFile & { given: string })[];
  rejected: RejectedRow[];
  unknownColumns: string[];
  duplicateColumns: string[];
  plan: CommunityOutcome[];
  /** Values not taken because another row of the same file said otherwise (the first few). */
  conflicts: Conflict[];
  conflictCount: number;
  /** Files identical (by checksum) to a file of an earlier batch that is still in force. */
  seenBefore: { file: string; batch: number }[];
  regencySet: boolean;
}

/**
 * Rejected rows are kept whole until the end (for the rejects file), inside the import's capped
 * heap. A file with more than this many unusable rows is wrong as a whole (delimiter, header, a
 * quote never closed over thousands of lines): the import stops there, and nothing is written.
 */
export const MAX_REJECTED = 10_000;

/**
 * Imports roster files as one batch in one transaction: every file and row, or nothing. The
 * transaction is opened by hand (BEGIN IMMEDIATE) because reading is asynchronous; a process
 * killed half-way leaves only an uncommitted WAL tail that SQLite discards.
 */
export async function importRosters(db: Db, options: ImportOptions): Promise<ImportResult> {
  const now = new Date().toISOString();
  const reference = storedReference(db);
  const resolver = new RegionResolver(reference);
  // Every officer row the import writes points at a community it found or created in this same
  // transaction, so SQLite's per-row foreign-key lookup only costs time (a third of each insert).
  // `kim check` still verifies foreign keys over the whole file.
  db.pragma('foreign_keys = OFF');
  beginWrite(db);
  let deferred: DeferredIndex | undefined;
  try {
    const batch = Number(
      db
        .prepare(`INSERT INTO batches (started_at, operator, files, options, counts) VALUES (?, ?, '[]', ?, '{}')`)
        .run(now, options.operator, JSON.stringify({ strict: options.strict, replaceRosters: options.replaceRosters, preferFile: options.preferFile ?? false, encoding: options.encoding, delimiter: options.delimiter }))
        .lastInsertRowid,
    );
    deferred = deferNikIndex(db, options.files);
    // --replace-rosters makes the file the truth, over the office's edits too.
    const prefer = options.replaceRosters || options.preferFile === true ? true : Array.isArray(options.preferFile) ? new Set(options.preferFile) : false;
    const session = new ImportSession(db, batch, resolver, now, options.operator, prefer);
    const files: ImportResult['files'] = [];
    const rejected: RejectedRow[] = [];
    const seenBefore: ImportResult['seenBefore'] = [];
    const earlier = db.prepare(`SELECT id FROM batches WHERE undone_at IS NULL AND id <> ? AND files LIKE ? ORDER BY id DESC LIMIT 1`);
    for (const [index, given] of options.files.entries()) {
      session.startFile();
      let current: RosterFile | undefined;
      const fromHere = rejected.length;
      const reject = (r: RejectedRow) => {
        if (rejected.push(r) > MAX_REJECTED) throw usageError('import.tooManyRejected', { file: path.basename(given), max: MAX_REJECTED, row: rejected[fromHere]!.row });
      };
      const info = await applyFile(session, given, index, options, {
        begin: (f) => {
          current = f;
          session.useColumns(f.blind);
          options.onFileStart?.(index, f.bytes);
        },
        reject: (r) => {
          const kept = { ...r, file: given, header: current!.header, delimiter: current!.delimiter };
          reject(kept);
          return kept;
        },
      });
      if (options.replaceRosters) session.endMissingOfficers(options.today, options.endReason(batch));
      files.push({ ...info, given });
      const prior = earlier.get(batch, `%${info.sha256}%`) as { id: number } | undefined;
      if (prior) seenBefore.push({ file: given, batch: prior.id });
    }
    session.settle();
    // A provincial database holds only what its offices send (a merged KIM was refused above).
    const province = provinceOf(db);
    if (province && session.counts.communities.created > 0) throw usageError('province.noImport', { province: province.name });
    const counts = { communities: session.counts.communities, officers: session.counts.officers, rejected: rejected.length };
    const fileRecords = files.map((f) => ({
      path: f.given, name: path.basename(f.given), sha256: f.sha256, bytes: f.bytes, encoding: f.encoding, delimiter: f.delimiter, rows: f.rows,
    }));
    // A batch records rows imported: a file with a header alone, or whose every row was rejected,
    // leaves none to record (nor to undo).
    const { created, updated, unchanged } = session.counts.officers;
    const noRows = created + updated + unchanged === 0;
    const keep = !options.dryRun && !(options.strict && rejected.length > 0) && !noRows;
    if (keep) {
      const lastChange = (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM changes`).get() as { n: number }).n;
      db.prepare(`UPDATE batches SET finished_at = ?, files = ?, counts = ?, last_change = ? WHERE id = ?`).run(
        new Date().toISOString(), JSON.stringify(fileRecords), JSON.stringify(counts), lastChange, batch,
      );
      deferred?.rebuild();
      audit(db, { operator: options.operator, action: 'import', entity: 'batch', entityId: batch, details: { files: fileRecords.map((f) => f.name), ...counts } });
      db.exec('COMMIT');
    } else {
      db.exec('ROLLBACK');
    }
    return {
      batch: keep ? batch : null,
      dryRun: options.dryRun,
      committed: keep,
      noRows,
      ...session.counts,
      files,
      rejected,
      unknownColumns: [...new Set(files.flatMap((f) => f.unknownColumns))],
      duplicateColumns: [...new Set(files.flatMap((f) => f.duplicateColumns))],
      plan: session.plan,
      conflicts: session.conflicts,
      conflictCount: session.conflictCount,
      seenBefore,
      regencySet: reference !== undefined,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    deferred?.release();
    db.pragma('foreign_keys = ON');
  }
}
