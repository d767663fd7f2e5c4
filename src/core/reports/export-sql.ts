import { NIK_SHOWN, NIK_SHOWN_FROM } from '../ids/mask.js';
import { EXPORT_FROM, EXPORT_ID, EXPORT_ORDER, exportColumns, type ExportColumn, type ExportKind } from './export-columns.js';

/**
 * SQL for the exports, generated from the fixed column list (and a delimiter that is ',' or ';').
 * At a million officers the cost is in handing values from SQLite to JavaScript, so the fast
 * paths let SQLite assemble the records: CSV fields joined by the delimiter, or JSON objects.
 */

// The characters JavaScript's trim() removes that a spreadsheet cell may carry.
const TRIM = `char(32, 9, 10, 11, 12, 13, 160, 65279)`;

/**
 * maskNik (src/core/ids/mask.ts) in SQL: the first four characters kept, the rest starred;
 * fewer than twelve starred whole. The first branch is the usual clean 16-digit NIK, which needs no
 * trimming. A test holds the two versions to the same answers.
 */
export function maskNikSql(x: string): string {
  const t = `trim(${x}, ${TRIM})`;
  return `CASE
    WHEN ${x} IS NULL THEN NULL
    WHEN length(${x}) = 16 AND ${x} GLOB '[0-9]*[0-9]' THEN substr(${x}, 1, ${NIK_SHOWN}) || '${'*'.repeat(16 - NIK_SHOWN)}'
    WHEN length(${t}) >= ${NIK_SHOWN_FROM} THEN substr(${t}, 1, ${NIK_SHOWN}) || printf('%.*c', length(${t}) - ${NIK_SHOWN}, '*')
    WHEN length(${t}) > 0 THEN printf('%.*c', length(${t}), '*')
    ELSE '' END`;
}

/** The SQL function exportSource registers: maskNiksInText (src/core/ids/mask.ts). */
export const MASK_NIKS_IN_TEXT_SQL = 'kim_mask_niks';

function valueSql(c: ExportColumn, includeNik: boolean, bool: (x: string) => string): string {
  if (c.kind === 'nik' && !includeNik) return maskNikSql(c.sql);
  // Called only where a NIK fits: most reasons are empty or short, and a call costs more than the test.
  if (c.kind === 'note' && !includeNik) return `CASE WHEN length(${c.sql}) >= 16 THEN ${MASK_NIKS_IN_TEXT_SQL}(${c.sql}) ELSE ${c.sql} END`;
  if (c.kind === 'bool') return bool(c.sql);
  return c.sql;
}

export interface ExportSqlOptions {
  includeNik: boolean;
  /** A provincial database: each record carries its office (exportColumns). */
  provincial?: boolean;
}

/** One value per column, in column order: for xlsx and for records that need careful quoting. */
export function rawRowsSql(kind: ExportKind, o: ExportSqlOptions): string {
  const cols = exportColumns(kind, o).map((c) => valueSql(c, o.includeNik, (x) => x));
  return `SELECT ${cols.join(', ')} ${EXPORT_FROM[kind]} ${EXPORT_ORDER[kind]}`;
}

export function rawRowByIdSql(kind: ExportKind, o: ExportSqlOptions): string {
  const cols = exportColumns(kind, o).map((c) => valueSql(c, o.includeNik, (x) => x));
  return `SELECT ${cols.join(', ')} ${EXPORT_FROM[kind]} WHERE ${EXPORT_ID[kind]} = ?`;
}

function jsonSql(kind: ExportKind, o: ExportSqlOptions): string {
  const bool = (x: string) => `CASE ${x} WHEN 1 THEN json('true') WHEN 0 THEN json('false') END`;
  return `json_object(${exportColumns(kind, o).map((c) => `'${c.key}', ${valueSql(c, o.includeNik, bool)}`).join(', ')})`;
}

/**
 * The next `size` records after id `?` as UTF-8 bytes: fields joined by U+001F, records by
 * U+001E, NULL as empty (concat() needs SQLite 3.44+); with the last id and the count. Handing
 * SQLite's work over in chunks rather than row by row, and as bytes rather than text (no UTF-16
 * string is made), is what keeps a million-officer export near the speed of the sqlite3 shell;
 * quoting and neutralising are then done on the bytes (ui/render/csv-chunk), where they cost far
 * less than SQL functions per field. The inner query's LIMIT keeps it a separate, ordered step,
 * so group_concat sees the records in id order and each value is read once.
 */
export function joinedChunkSql(kind: ExportKind, o: ExportSqlOptions, size: number): string {
  const bool = (x: string) => `CASE ${x} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`;
  const columns = exportColumns(kind, o);
  const values = columns.map((c, i) => `${valueSql(c, o.includeNik, bool)} AS c${i}`);
  return `SELECT CAST(group_concat(concat(${columns.map((_, i) => `c${i}`).join(', char(31), ')}), char(30)) AS BLOB) AS bytes,
      max(id) AS last, count(*) AS count
    FROM (SELECT ${EXPORT_ID[kind]} AS id, ${values.join(', ')} ${EXPORT_FROM[kind]}
          WHERE ${EXPORT_ID[kind]} > ? ${EXPORT_ORDER[kind]} LIMIT ${Math.trunc(size)})`;
}

/** The records of one chunk as separate values, for a chunk whose text cannot be split safely. */
export function rawRangeSql(kind: ExportKind, o: ExportSqlOptions): string {
  const cols = exportColumns(kind, o).map((c) => valueSql(c, o.includeNik, (x) => `CASE ${x} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`));
  return `SELECT ${cols.join(', ')} ${EXPORT_FROM[kind]} WHERE ${EXPORT_ID[kind]} > ? AND ${EXPORT_ID[kind]} <= ? ${EXPORT_ORDER[kind]}`;
}

/** The next `size` records after id `?` as JSON objects, one per line, joined by ",\n". */
export function jsonChunkSql(kind: ExportKind, o: ExportSqlOptions, size: number): string {
  return `SELECT group_concat(obj, ',' || char(10)) AS text, max(id) AS last, count(*) AS count
    FROM (SELECT ${EXPORT_ID[kind]} AS id, ${jsonSql(kind, o)} AS obj ${EXPORT_FROM[kind]}
          WHERE ${EXPORT_ID[kind]} > ? ${EXPORT_ORDER[kind]} LIMIT ${Math.trunc(size)})`;
}

/** The same columns as the export, unmasked and unquoted, for `sqlite3 -csv` in the benchmark. */
export function plainSelectSql(kind: ExportKind): string {
  return `SELECT ${exportColumns(kind).map((c) => c.sql).join(', ')} ${EXPORT_FROM[kind]} ${EXPORT_ORDER[kind]}`;
}
