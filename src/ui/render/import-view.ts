import path from 'node:path';
import type { ImportResult, RejectedRow } from '../../core/import/run.js';
import type { Conflict } from '../../core/import/session.js';
import { maskNik } from '../../core/ids/mask.js';
import { RULE_NEEDS } from '../../core/roster/coverage.js';
import type { ColumnTarget } from '../../core/roster/fields.js';
import type { MessageKey, Translate } from '../messages/index.js';
import type { Dataset } from './dataset.js';

/** A roster field in the clerk's words. */
export const fieldWords = (t: Translate, field: string): string => t(`guided.field.${field}` as MessageKey);

/** `kim import --format json`: the contract's keys, and what kim read of each file's layout. */
export function importJson(result: ImportResult, reason: (r: RejectedRow) => string) {
  return {
    batch: result.batch,
    dryRun: result.dryRun,
    files: result.files.map((f) => ({
      path: f.given, encoding: f.encoding, delimiter: f.delimiter, rows: f.rows, bom: f.bom, sha256: f.sha256,
      headerRows: f.headerRows, skipped: f.skipped, carried: f.carried, rolesCarried: f.rolesCarried, excelErrors: f.excelErrors, missingColumns: f.blind, suspectColumns: f.suspects,
    })),
    communities: result.communities,
    officers: result.officers,
    rejected: result.rejected.map((r) => ({ file: r.file, row: r.row, column: r.column, reason: reason(r) })),
    unknownColumns: result.unknownColumns,
    columns: result.files.flatMap((f) =>
      f.columns.map((c) => ({
        file: f.given, heading: c.heading, field: c.status === 'mapped' ? c.field : null, how: c.status === 'mapped' ? c.how : null, status: c.status,
        ...(c.candidates.length && { candidates: c.candidates }),
      })),
    ),
    conflicts: result.conflicts.map((c) => ({ ...c, ...shownConflict(c) })),
  };
}

const list = (items: string[]) => items.join(', ');

/** A conflict's two values as printed: NIKs masked, as everywhere. */
export function shownConflict(c: Conflict): { stored: string | null; file: string } {
  return c.field === 'nik' ? { stored: maskNik(c.stored), file: maskNik(c.file)! } : { stored: c.stored, file: c.file };
}

/**
 * What kim did with each file's layout, one line each, only what is worth saying: headings read
 * by their words or left out as unclear, rows set aside, merged cells carried down, and the
 * columns the rules need that the file lacks. `warn` lines need the clerk's eye.
 */
export function layoutLines(t: Translate, result: ImportResult): { notice: string[]; warn: string[] } {
  const notice: string[] = [];
  const warn: string[] = [];
  for (const f of result.files) {
    const file = path.basename(f.given);
    if (f.headerRow !== 1 || f.headerRows.length > 1) notice.push(t('import.headerAt', { file, rows: f.headerRows.join('–') }));
    const words = f.columns.filter((c) => c.status === 'mapped' && c.how === 'words' && c.field !== '_ignore');
    if (words.length) notice.push(t('import.byWords', { file, columns: list(words.map((c) => `"${c.heading}" → ${fieldWords(t, c.field!)}`)) }));
    const unclear = f.columns.filter((c) => c.status === 'unclear');
    if (unclear.length) {
      const what = unclear.map((c) => t('import.unclearColumn', { heading: c.heading, fields: c.candidates.map((x: ColumnTarget) => x).join('/') }));
      warn.push(t('import.unclearColumns', { file, columns: list(what) }));
    }
    const skipped = (Object.keys(f.skipped) as (keyof typeof f.skipped)[]).filter((k) => f.skipped[k] > 0);
    if (skipped.length) notice.push(t('import.skipped', { file, what: list(skipped.map((k) => t(`import.skipped.${k}`, { count: f.skipped[k] }))) }));
    if (f.carried > 0) notice.push(t('import.carried', { file, count: f.carried }));
    if (f.rolesCarried > 0) notice.push(t('import.rolesCarried', { file, count: f.rolesCarried }));
    if (f.excelErrors > 0) warn.push(t('import.excelErrors', { file, count: f.excelErrors }));
    for (const c of f.suspects) {
      warn.push(t('import.suspectColumn', { file, heading: c.heading, field: fieldWords(t, c.field), shape: fieldWords(t, c.looksLike), key: c.looksLike }));
    }
    if (f.blind.length) {
      const needs = RULE_NEEDS.filter((n) => f.blind.includes(n.need));
      warn.push(t('import.blind', { file, needs: list(needs.map((n) => n.columns.map((c) => fieldWords(t, c)).join('/'))), rules: list(needs.flatMap((n) => n.rules)) }));
    }
  }
  return { notice, warn };
}

/** Whether the import, as planned or done, changes nothing stored: only then may it say so. */
export function changesNothing(result: ImportResult): boolean {
  const c = result.communities;
  const o = result.officers;
  return c.created + c.updated + o.created + o.updated + o.ended === 0;
}

/** The conflicts of one kind (two rows of the file, or the file against the office's changes), as a table. */
export function conflictRows(t: Translate, result: ImportResult, source: Conflict['source']): Dataset {
  const conflicts = result.conflicts.filter((c) => c.source === source);
  return {
    title: t(source === 'file' ? 'import.conflictsTitle' : 'import.officeConflictsTitle'),
    columns: [
      { key: 'row', header: t('import.col.row'), align: 'right' },
      { key: 'community', header: t('import.col.community') },
      { key: 'officer', header: t('import.col.officer') },
      { key: 'field', header: t('import.col.field') },
      { key: 'kept', header: t('import.col.kept') },
      { key: 'other', header: t(source === 'file' ? 'import.col.other' : 'import.col.fileValue') },
    ],
    rows: conflicts.map((c) => {
      const { stored, file } = shownConflict(c);
      return { row: c.row, community: c.community.name, officer: c.officer?.name ?? '', field: fieldWords(t, c.field), kept: stored ?? '', other: file };
    }),
  };
}
