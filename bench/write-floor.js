// How much of the import's time is writing alone: `node bench/write-floor.js` under bench/run.js.
//
// The import target compares `kim import` with the SQLite shell's `.import`, which appends the
// CSV's text to one table with no index, in C. kim must write through better-sqlite3 (named by the
// design), into its own schema. This step times two floors that no change to kim's reading or
// matching can go below, both from rows already in memory, so no file is read while timed:
//
// 1. driver: the very rows the shell stored (its 14 text columns, read from BENCH_SHELL_DB, the
//    database of the import step's last `.import`), inserted through better-sqlite3
//    into one plain table in one transaction, in the shell's journal mode: the driver's own cost
//    for the shell's job, without parsing a byte of CSV.
// 2. kim's writes: every community and officer of the database `kim import` just filled (BENCH_DB),
//    written again into a fresh kim database with the import's own statements (ImportStatements),
//    its own deferred NIK index, WAL with synchronous = FULL and one transaction, as the import does.
//
// With BENCH_SQLITE_S (the shell's median import time, set by bench/run.js) each is also printed as
// a ratio to it, and kim's writes beside the import's 2.0× target: a floor above the target means
// the target cannot be met by tuning kim's reading or matching.
//
// The rows are held in memory while timed (about 1.6 GiB at a million officers), and the step
// takes about 20 s there, most of it loading them; its peak memory is not kim's.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { removeDb, settleDisk } from './disk.js';
import { openDatabase } from '../dist/db/connection.js';
import { ImportStatements } from '../dist/core/import/statements.js';
import { deferNikIndex } from '../dist/core/import/deferred-index.js';
import { COMMUNITY_VALUE_COLUMNS } from '../dist/db/changes.js';
import { OFFICER_VALUE_COLUMNS } from '../dist/core/import/columns.js';

const { BENCH_CSV: csv, BENCH_DB: imported, BENCH_OUT: out, BENCH_SQLITE_S, BENCH_SHELL_DB: shellDb } = process.env;
const TARGET_RATIO = 2.0;
const sqliteSeconds = Number(BENCH_SQLITE_S) || null;

if (!csv || !imported || !out || !shellDb || !fs.existsSync(imported) || !fs.existsSync(shellDb)) {
  console.error('write-floor: needs BENCH_CSV, BENCH_DB, BENCH_SHELL_DB and BENCH_OUT (run it through bench/run.js)');
  process.exit(2);
}

const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;

/** The ratio carries the import's target only where it is a floor of kim's own import. */
function report(measure, value, { target } = {}) {
  console.log(`BENCH ${JSON.stringify({ measure: `${measure} (s)`, value: Number(value.toFixed(2)) })}`);
  if (sqliteSeconds) {
    const ratio = value / sqliteSeconds;
    console.log(`BENCH ${JSON.stringify({ measure: `${measure} / sqlite3 .import`, value: Number(ratio.toFixed(2)), target })}`);
  }
}

function driverFloor() {
  const target = path.join(out, 'floor-driver.sqlite');
  const source = new Database(shellDb, { readonly: true });
  const columns = source.prepare(`SELECT name FROM pragma_table_info('t')`).pluck().all();
  const rows = source.prepare(`SELECT * FROM t`).raw().all();
  source.close();
  removeDb(target);
  const db = new Database(target);
  db.exec(`CREATE TABLE t (${columns.map((_, i) => `c${i} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO t VALUES (${columns.map(() => '?').join(', ')})`);
  settleDisk();
  const started = process.hrtime.bigint();
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  const taken = seconds(started);
  db.close();
  removeDb(target);
  console.log(`driver floor: ${rows.length.toLocaleString('en-US')} rows of ${columns.length} text columns inserted through better-sqlite3 in ${taken.toFixed(2)} s`);
  report('better-sqlite3 insert of the rows the shell stored', taken);
}

function kimWrites() {
  const source = new Database(imported, { readonly: true });
  const communities = source.prepare(`SELECT id, ${COMMUNITY_VALUE_COLUMNS.join(', ')} FROM communities ORDER BY id`).all();
  const officers = source.prepare(`SELECT community_id, ${OFFICER_VALUE_COLUMNS.join(', ')} FROM officers ORDER BY id`).all();
  source.close();
  const target = path.join(out, 'floor-kim.sqlite');
  removeDb(target);
  const db = openDatabase(target, { create: true, operator: 'bench' });
  settleDisk();
  const phases = {};
  let mark = process.hrtime.bigint();
  const phase = (name) => {
    phases[name] = seconds(mark);
    mark = process.hrtime.bigint();
  };
  const started = mark;
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  const now = new Date().toISOString();
  const batch = Number(db.prepare(`INSERT INTO batches (started_at, operator, files, options, counts) VALUES (?, 'bench', '[]', '{}', '{}')`).run(now).lastInsertRowid);
  const deferred = deferNikIndex(db, [csv]);
  const sql = new ImportStatements(db, now, batch);
  const ids = new Map();
  for (const c of communities) ids.set(c.id, sql.insertCommunity(c));
  phase('communities');
  for (const o of officers) sql.insertOfficer(ids.get(o.community_id), o);
  phase('officers');
  deferred?.rebuild();
  phase('NIK index');
  db.exec('COMMIT');
  phase('commit and checkpoint');
  const taken = seconds(started);
  deferred?.release();
  db.close();
  removeDb(target);
  const parts = Object.entries(phases).map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(', ');
  console.log(`kim's writes alone: ${communities.length.toLocaleString('en-US')} KIMs and ${officers.length.toLocaleString('en-US')} officers in ${taken.toFixed(2)} s (${parts})`);
  report("kim's writes alone, through better-sqlite3", taken, { target: TARGET_RATIO });
}

driverFloor();
kimWrites();
