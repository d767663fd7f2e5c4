import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { schemaState } from '../../db/readonly.js';
import { SCHEMA_VERSION } from '../../db/schema.js';
import { readSetting } from '../../db/settings.js';
import { environmentError, usageError } from '../../errors.js';
import { createPrivateFile } from '../../files.js';
import { titleCase } from '../regions/reference.js';
import { findRegency } from '../regions/resolve.js';
import { regencyRef, type Area } from './scope.js';

/** An office's database file as the province found it, before anything is merged. */
export interface OfficeFile {
  /** As given on the command line. */
  given: string;
  path: string;
  name: string;
  bytes: number;
  /** SHA-256 of the file as it lay on disk, read inside the snapshot that was copied. */
  sha256: string;
  schemaVersion: number;
  regency: Area;
  /** The office's own name (kim init --office), or null. */
  office: string | null;
  /** When the office last validated any of its KIMs, or null when it never did. */
  validatedAt: string | null;
  /** The private copy of the snapshot that is merged (see takeSnapshot). */
  snapshot: string;
}

const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

/** Pages per backup step: all at once, inside the one read transaction (see db/backup.ts). */
const ALL_PAGES = 0x7fffffff;

/** SQLite's first real line of a quick_check report, enough for a sentence. */
function firstProblem(report: string): string {
  return report.split('\n').find((line) => line.trim() !== '' && !line.startsWith('***'))?.trim() ?? report;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Snapshots taken by this process, to name each one's copy. */
let taken = 0;

/** A private folder for the snapshots of one merge (they hold NIKs), removed by the caller. */
export function snapshotFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kim-merge-'));
}

/**
 * Reads an office's file read-only, as one snapshot, into a private copy in `folder`, and checks
 * everything that would make the merge refuse it: not a database or damaged (exit 3), written by
 * a newer kim (exit 3), not an office's kim database, or an office outside the province (exit 2).
 *
 * The snapshot is SQLite's backup API run inside the read transaction the checks read in: the
 * office may go on writing (WAL), the copy is its last committed state. The office's file is only
 * ever opened read-only, and it is held for as long as the copy takes, not for the whole merge.
 * `provincial` is the provincial database, for the regency's name.
 */
export async function takeSnapshot(provincial: Db, province: Area, given: string, options: { cwd: string; folder: string; busyTimeoutMs: number }): Promise<OfficeFile> {
  const file = path.resolve(options.cwd, given);
  if (!fs.existsSync(file)) throw usageError('merge.missing', { path: given });
  if (!fs.statSync(file).isFile()) throw usageError('merge.notFile', { path: given });
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs });
  } catch (cause) {
    throw environmentError('merge.cantOpen', { path: given, reason: (cause as Error).message }, cause);
  }
  try {
    db.exec('BEGIN');
    const { version, state } = schemaState(db);
    if (state === 'newer') throw environmentError('merge.newer', { path: given, version, supported: SCHEMA_VERSION });
    if (state === 'foreign' || version === 0) throw usageError('merge.notKim', { path: given });
    if (readSetting<string>(db, 'province')) throw usageError('merge.provincialFile', { path: given });
    const code = readSetting<string>(db, 'regency');
    if (!code) throw usageError('merge.noRegency', { path: given });
    if (!code.startsWith(province.code + '.')) {
      throw usageError('merge.otherProvince', { path: given, regency: `${code} ${titleCase(findRegency(code).name)}`, province: province.name });
    }
    const snapshot = path.join(options.folder, `${++taken}.sqlite`);
    createPrivateFile(snapshot);
    const result: OfficeFile = {
      given,
      path: file,
      name: path.basename(file),
      bytes: fs.statSync(file).size,
      // Read while the snapshot is held: a file kept in a rollback journal (a `kim backup` copy) cannot change meanwhile.
      sha256: sha256(file),
      schemaVersion: version,
      regency: regencyRef(provincial, code),
      office: readSetting<string>(db, 'office') || null,
      validatedAt: db.prepare(`SELECT max(validated_at) FROM communities`).pluck().get() as string | null,
      snapshot,
    };
    await db.backup(snapshot, { progress: () => ALL_PAGES });
    db.exec('COMMIT');
    checkCopy(snapshot, given);
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGE.test(code)) throw environmentError('merge.damaged', { path: given, reason: (error as Error).message }, error);
    throw error;
  } finally {
    db.close();
  }
}

/** The copy is checked whole (a damaged page is copied as it is); one file, without a WAL beside it. */
function checkCopy(snapshot: string, given: string): void {
  const copy = new Database(snapshot, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = String(copy.pragma('quick_check', { simple: true }));
    if (check !== 'ok') throw environmentError('merge.damaged', { path: given, reason: firstProblem(check) });
  } finally {
    copy.close();
  }
}
