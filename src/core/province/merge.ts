/**
 * `kim merge`: each office's contribution to the provincial database replaced by what its file
 * holds now, in one transaction per office, as one batch.
 *
 * Each office is read from its snapshot (office-file.ts: a private copy of one read transaction
 * of its file), attached to the provincial database; the copying is SQL (INSERT … SELECT from the
 * attached file), the way the sqlite3 shell would copy it.
 *
 * Replaced whole, but written as a difference: a record the file holds as it is already held is
 * not touched (it keeps its id and its batch); a changed or removed one is kept in merge_history
 * first, whole, so that `kim undo` can put it back; the office's validation results (findings)
 * of every KIM that changed are replaced with the office's. Nothing is re-validated or re-numbered.
 */
import { audit } from '../../db/audit.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import type { OfficeFile } from './office-file.js';
import { columnsOf, officeValues, quote, rowImageSql, sameRowSql, type MergedTable } from './rows.js';
import { PROVINCE_RULE, storeProvinceFindings } from './duplicates.js';
import type { Area } from './scope.js';

export interface MergeCounts {
  /** Records of the file the province did not hold. */
  added: number;
  /** Records held from the office's last merge that the file gives otherwise now. */
  replaced: number;
  /** Records held from the office's last merge that the file no longer has. */
  removed: number;
  unchanged: number;
}

/** One office of a merge: the contract's JSON record. */
export interface OfficeMerge {
  file: string;
  regency: Area;
  office: string | null;
  sha256: string;
  validatedAt: string | null;
  communities: MergeCounts;
  officers: MergeCounts;
}

export interface MergeResult {
  /** The batch, or null when no file changed anything. */
  batch: number | null;
  offices: OfficeMerge[];
}

/** Columns the province sets itself: its own id, the office's mark, its batches, the mapped community. */
const PROVINCE_OWN = new Set(['id', 'office', 'source_id', 'created_batch', 'last_batch', 'community_id', 'officer_id']);

interface Copy {
  names: string[];
  /** The office's value for each name (its column, or NULL in an older file). */
  values: string[];
  same: string;
}

function copyOf(db: Db, table: MergedTable): Copy {
  const office = new Set(columnsOf(db, table, 'office'));
  const names = columnsOf(db, table).filter((c) => !PROVINCE_OWN.has(c));
  return { names, values: officeValues(names, office, 's'), same: sameRowSql(names, office, 'p', 's') };
}

const PLAN_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS merge_communities (pid INTEGER PRIMARY KEY, sid INTEGER, action TEXT NOT NULL);
  CREATE TEMP TABLE IF NOT EXISTS merge_officers (pid INTEGER PRIMARY KEY, sid INTEGER, action TEXT NOT NULL);
  DELETE FROM temp.merge_communities;
  DELETE FROM temp.merge_officers;`;

/**
 * What the office held before against what its file holds: every held record marked same, change
 * or remove (temp tables), and how many of the file's records are new.
 */
function plan(db: Db, office: string, copy: { communities: Copy; officers: Copy }): { communities: MergeCounts; officers: MergeCounts } {
  db.exec(PLAN_TABLES);
  const mark = (same: string) => `CASE WHEN s.id IS NULL THEN 'remove' WHEN ${same} THEN 'same' ELSE 'change' END`;
  db.prepare(
    `INSERT INTO temp.merge_communities (pid, sid, action)
     SELECT p.id, p.source_id, ${mark(copy.communities.same)}
     FROM main.communities p LEFT JOIN office.communities s ON s.id = p.source_id WHERE p.office = ?`,
  ).run(office);
  db.prepare(
    `INSERT INTO temp.merge_officers (pid, sid, action)
     SELECT p.id, p.source_id, ${mark(`s.community_id IS pc.source_id AND ${copy.officers.same}`)}
     FROM main.officers p JOIN main.communities pc ON pc.id = p.community_id
     LEFT JOIN office.officers s ON s.id = p.source_id WHERE p.office = ?`,
  ).run(office);
  const counts = (table: string, officeTable: string): MergeCounts => {
    const by = db.prepare(`SELECT action, count(*) AS n FROM temp.${table} GROUP BY action`).all() as { action: string; n: number }[];
    const n = (action: string) => by.find((r) => r.action === action)?.n ?? 0;
    const added = db.prepare(`SELECT count(*) FROM office.${officeTable} WHERE id NOT IN (SELECT sid FROM temp.${table})`).pluck().get() as number;
    return { added, replaced: n('change'), removed: n('remove'), unchanged: n('same') };
  };
  return { communities: counts('merge_communities', 'communities'), officers: counts('merge_officers', 'officers') };
}

const changesAnything = (c: MergeCounts) => c.added + c.replaced + c.removed > 0;

/** The held records the merge replaces or removes, and the findings that go with them. */
const LEAVING = {
  communities: `SELECT pid FROM temp.merge_communities WHERE action <> 'same'`,
  officers: `SELECT pid FROM temp.merge_officers WHERE action <> 'same'`,
  findings: `community_id IN (SELECT pid FROM temp.merge_communities WHERE action <> 'same')
    OR officer_id IN (SELECT pid FROM temp.merge_officers WHERE action = 'remove')`,
};

/**
 * Writes the plan: before-images first, then removals (a removed KIM's name may come back under a
 * new id of the office), then updates and additions, KIMs before their officers. Foreign keys are
 * checked at COMMIT, when every officer points at its KIM again.
 */
function apply(db: Db, office: string, batch: number, copy: { communities: Copy; officers: Copy; findings: Copy }): void {
  db.pragma('defer_foreign_keys = ON');
  const p = { batch, office, rule: PROVINCE_RULE };
  db.prepare(`INSERT INTO merge_history (batch_id, entity, row) SELECT @batch, 'finding', ${rowImageSql(db, 'findings', 'f')} FROM main.findings f WHERE f.rule <> @rule AND (${LEAVING.findings})`).run(p);
  db.prepare(`INSERT INTO merge_history (batch_id, entity, row) SELECT @batch, 'community', ${rowImageSql(db, 'communities', 'c')} FROM main.communities c WHERE c.id IN (${LEAVING.communities})`).run({ batch });
  db.prepare(`INSERT INTO merge_history (batch_id, entity, row) SELECT @batch, 'officer', ${rowImageSql(db, 'officers', 'o')} FROM main.officers o WHERE o.id IN (${LEAVING.officers})`).run({ batch });

  db.prepare(`DELETE FROM main.findings WHERE ${LEAVING.findings}`).run();
  db.prepare(`DELETE FROM main.officers WHERE id IN (SELECT pid FROM temp.merge_officers WHERE action = 'remove')`).run();
  db.prepare(`DELETE FROM main.communities WHERE id IN (SELECT pid FROM temp.merge_communities WHERE action = 'remove')`).run();

  const c = copy.communities;
  const names = (list: string[]) => list.map(quote).join(', ');
  db.prepare(
    `UPDATE main.communities SET (${names(c.names)}, last_batch) = (SELECT ${c.values.join(', ')}, @batch FROM office.communities s WHERE s.id = communities.source_id)
     WHERE id IN (SELECT pid FROM temp.merge_communities WHERE action = 'change')`,
  ).run({ batch });
  db.prepare(
    `INSERT INTO main.communities (office, source_id, created_batch, last_batch, ${names(c.names)})
     SELECT @office, s.id, @batch, @batch, ${c.values.join(', ')} FROM office.communities s
     WHERE s.id NOT IN (SELECT sid FROM temp.merge_communities) ORDER BY s.id`,
  ).run({ batch, office });

  // An officer's community is the province's copy of the office's community it belongs to. They
  // are read community by community (the office's index), not sorted by id: sorting 30,000 rows
  // per office cost more than the rest of the insert.
  const o = copy.officers;
  const community = `main.communities c ON c.office = @office AND c.source_id = s.community_id`;
  db.prepare(
    `UPDATE main.officers SET (community_id, ${names(o.names)}, last_batch) =
       (SELECT c.id, ${o.values.join(', ')}, @batch FROM office.officers s JOIN ${community} WHERE s.id = officers.source_id)
     WHERE id IN (SELECT pid FROM temp.merge_officers WHERE action = 'change')`,
  ).run({ batch, office });
  db.prepare(
    `INSERT INTO main.officers (office, source_id, created_batch, last_batch, community_id, ${names(o.names)})
     SELECT @office, s.id, @batch, @batch, c.id, ${o.values.join(', ')} FROM office.officers s JOIN ${community}
     WHERE s.id NOT IN (SELECT sid FROM temp.merge_officers)`,
  ).run({ batch, office });

  // The office's own results of every KIM that is new or changed; those of an unchanged KIM are
  // the same, since validating a KIM always stamps it (validated_at).
  const f = copy.findings;
  db.prepare(
    `INSERT INTO main.findings (community_id, officer_id, ${names(f.names)})
     SELECT c.id, o.id, ${f.values.join(', ')} FROM office.findings s
     JOIN main.communities c ON c.office = @office AND c.source_id = s.community_id
     LEFT JOIN main.officers o ON o.office = @office AND o.source_id = s.officer_id
     WHERE s.community_id NOT IN (SELECT sid FROM temp.merge_communities WHERE action = 'same')
       AND (s.officer_id IS NULL OR o.id IS NOT NULL) AND s.rule <> @rule`,
  ).run(p);
}

function openBatch(db: Db, operator: string): number {
  const now = new Date().toISOString();
  return Number(
    db.prepare(`INSERT INTO batches (started_at, finished_at, operator, files, options, counts, kind) VALUES (?, ?, ?, '[]', '{}', '{}', 'merge')`).run(now, now, operator).lastInsertRowid,
  );
}

const zero = (): MergeCounts => ({ added: 0, replaced: 0, removed: 0, unchanged: 0 });

function add(a: MergeCounts, b: MergeCounts): MergeCounts {
  return { added: a.added + b.added, replaced: a.replaced + b.replaced, removed: a.removed + b.removed, unchanged: a.unchanged + b.unchanged };
}

/** The batch's record grows by one office in the office's own transaction: it always says what is applied. */
function recordOffice(db: Db, batch: number, file: OfficeFile, merged: OfficeMerge, total: { communities: MergeCounts; officers: MergeCounts }, operator: string): void {
  const mergedAt = new Date().toISOString();
  const entry = {
    path: file.given, name: file.name, sha256: file.sha256, bytes: file.bytes, schemaVersion: file.schemaVersion, regency: merged.regency,
    office: merged.office, validatedAt: merged.validatedAt, mergedAt, communities: merged.communities, officers: merged.officers,
  };
  db.prepare(`UPDATE batches SET files = json_insert(files, '$[#]', json(?)), counts = ?, finished_at = ? WHERE id = ?`).run(
    JSON.stringify(entry), JSON.stringify(total), mergedAt, batch,
  );
  audit(db, { operator, action: 'merge', entity: 'batch', entityId: batch, details: { file: file.name, regency: merged.regency.code, sha256: file.sha256, communities: merged.communities, officers: merged.officers } });
}

/** The office's snapshot attached for the duration of `fn`; it is only ever read. */
function withOfficeAttached<T>(db: Db, file: OfficeFile, fn: () => T): T {
  db.prepare(`ATTACH DATABASE ? AS office`).run(file.snapshot);
  try {
    return fn();
  } finally {
    db.exec('DETACH DATABASE office');
  }
}

/**
 * Merges the files (already inspected: inspectOfficeFile) into the provincial database, one
 * office per transaction; the batch is opened by the first office that changes anything.
 * `onOffice` is told after each office, for a progress bar.
 */
export function mergeOffices(db: Db, files: OfficeFile[], who: { operator: string; today: string }, onOffice?: (done: number) => void): MergeResult {
  const { operator, today } = who;
  let batch: number | null = null;
  const offices: OfficeMerge[] = [];
  let total = { communities: zero(), officers: zero() };
  for (const [index, file] of files.entries()) {
    const merged = withOfficeAttached(db, file, () =>
      writeTransaction(db, () => {
        // Read again inside the snapshot that is copied: the file may have been replaced since it was checked.
        const regency = db.prepare(`SELECT json_extract(value, '$') FROM office.settings WHERE key = 'regency'`).pluck().get() as string | undefined;
        if (regency !== file.regency.code) throw usageError('merge.changedMeanwhile', { path: file.given });
        const copy = { communities: copyOf(db, 'communities'), officers: copyOf(db, 'officers'), findings: copyOf(db, 'findings') };
        const counts = plan(db, file.regency.code, copy);
        const result: OfficeMerge = { file: file.given, regency: file.regency, office: file.office, sha256: file.sha256, validatedAt: file.validatedAt, ...counts };
        if (!changesAnything(counts.communities) && !changesAnything(counts.officers)) return result;
        batch ??= openBatch(db, operator);
        apply(db, file.regency.code, batch, copy);
        total = { communities: add(total.communities, counts.communities), officers: add(total.officers, counts.officers) };
        recordOffice(db, batch, file, result, total, operator);
        return result;
      }),
    );
    offices.push(merged);
    onOffice?.(index + 1);
  }
  // Who is an officer in two regencies is known only once every office is in.
  if (batch !== null) writeTransaction(db, () => storeProvinceFindings(db, today));
  return { batch, offices };
}
