import type { Db } from '../../db/connection.js';
import { maskNik, maskNiksInText } from '../ids/mask.js';
import { numberHistory, type NumberHistoryRow } from '../numbering/history.js';
import { isProvincial } from '../province/scope.js';
import { exportColumns } from './export-columns.js';
import { rawRowByIdSql } from './export-sql.js';
import { registerExportFunctions } from './export-rows.js';
import { storedProblems, type StoredProblem } from './follow-up.js';

export interface OfficerLine {
  id: number;
  name: string;
  role: string | null;
  /** Always masked: `show` is for the screen. */
  nik: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  occupation: string | null;
  phone: string | null;
  endedAt: string | null;
}

export interface BatchTouch {
  id: number;
  startedAt: string;
  operator: string;
  files: string[];
  undoneAt: string | null;
  /** The batch created the community itself (not only some officers). */
  createdCommunity: boolean;
  /** Officers of this KIM the batch created, and records (the community or officers) it updated. */
  created: number;
  updated: number;
}

export interface ChangeLine {
  id: number;
  at: string | null;
  operator: string | null;
  batch: number | null;
  entity: 'community' | 'officer';
  entityId: number;
  /** The community's or officer's name now. */
  name: string | null;
  action: string;
  /** Each field the change changed, before and after (NIKs masked; `after` unknown for changes older kims recorded). */
  fields: FieldChange[];
}

export interface FieldChange {
  field: string;
  before: string | null;
  after?: string | null;
}

export interface CommunityDetail {
  community: Record<string, unknown>;
  officers: OfficerLine[];
  findings: StoredProblem[];
  numbers: NumberHistoryRow[];
  batches: BatchTouch[];
  changes: ChangeLine[];
}

const OFFICERS_SQL = `
  SELECT id, name, role, nik, sex, birth_date AS birthDate, occupation, phone, ended_at AS endedAt
  FROM officers WHERE community_id = ? ORDER BY ended_at IS NOT NULL, id`;

// Every batch that created or changed the community or one of its officers.
const BATCHES_SQL = `
  WITH touched(batch, created, updated, community) AS (
    SELECT created_batch, 0, 0, 1 FROM communities WHERE id = @id AND created_batch IS NOT NULL
    UNION ALL SELECT created_batch, 1, 0, 0 FROM officers WHERE community_id = @id AND created_batch IS NOT NULL
    UNION ALL SELECT batch_id, 0, 1, 0 FROM changes
      WHERE batch_id IS NOT NULL AND ((entity = 'community' AND entity_id = @id)
        OR (entity = 'officer' AND entity_id IN (SELECT id FROM officers WHERE community_id = @id)))
    UNION ALL SELECT last_batch, 0, 0, 0 FROM communities WHERE id = @id AND last_batch IS NOT NULL
  )
  SELECT b.id, b.started_at AS startedAt, b.operator, b.files, b.undone_at AS undoneAt,
         max(t.community) AS createdCommunity, sum(t.created) AS created, sum(t.updated) AS updated
  FROM touched t JOIN batches b ON b.id = t.batch GROUP BY b.id ORDER BY b.id`;

const CHANGES_SQL = `
  SELECT ch.id, coalesce(a.at, b.started_at) AS at, coalesce(a.operator, b.operator) AS operator, ch.batch_id AS batch,
         ch.entity, ch.entity_id AS entityId, coalesce(c.name, o.name) AS name, ch.action, ch.before, ch.after
  FROM changes ch
  LEFT JOIN audit_log a ON a.id = ch.audit_id
  LEFT JOIN batches b ON b.id = ch.batch_id
  LEFT JOIN communities c ON ch.entity = 'community' AND c.id = ch.entity_id
  LEFT JOIN officers o ON ch.entity = 'officer' AND o.id = ch.entity_id
  WHERE (ch.entity = 'community' AND ch.entity_id = @id)
     OR (ch.entity = 'officer' AND ch.entity_id IN (SELECT id FROM officers WHERE community_id = @id))
  ORDER BY ch.id`;

function fileNames(json: string): string[] {
  try {
    const files = JSON.parse(json) as { name?: string; path?: string }[];
    return files.map((f) => maskNiksInText(f.name ?? f.path ?? '')).filter(Boolean);
  } catch {
    return [];
  }
}

/** Columns kim keeps for itself or derives from another: a clerk changed none of them. */
const NOT_SHOWN = new Set([
  'updated_at', 'last_batch', 'validated_at', 'base', 'name_key', 'nik_key', 'birth_date_iso', 'sk_date_iso', 'founded_date_iso',
  'village_key', 'district_code', 'village_code', 'region_note', 'blind',
]);

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

const maskText = (v: string | null) => (v === null ? null : maskNiksInText(v));

/** The fields one change changed, before and after: what `kim show` lists as "field: before → after". */
function changedFields(beforeJson: string, afterJson: string | null): FieldChange[] {
  try {
    const before = JSON.parse(beforeJson) as Record<string, unknown>;
    const after = afterJson ? (JSON.parse(afterJson) as Record<string, unknown>) : null;
    // The sex is shown through the L/P written, unless only the sex changed (read from the NIK).
    const skip = (k: string) => NOT_SHOWN.has(k) || (k === 'sex' && 'gender' in before);
    return Object.keys(before)
      .filter((k) => !skip(k) && (!after || (k in after && after[k] !== before[k])))
      .map((field) => {
        // Any field may hold a NIK typed where it does not belong (a phone, a remark): masked as kim log masks it.
        const shown = (v: unknown) => (field === 'nik' ? maskNik(text(v)) : maskText(text(v)));
        return after ? { field, before: shown(before[field]), after: shown(after[field]) } : { field, before: shown(before[field]) };
      });
  } catch {
    return [];
  }
}

/** Everything `kim show` prints about one community. NIKs masked. */
export function communityDetail(db: Db, id: number): CommunityDetail {
  registerExportFunctions(db);
  // In a provincial database the record says which office it was merged from.
  const options = { includeNik: false, provincial: isProvincial(db) };
  const values = db.prepare(rawRowByIdSql('communities', options)).raw(true).get(id) as unknown[];
  const community = Object.fromEntries(
    exportColumns('communities', options).map((c, i) => [c.key, c.kind === 'bool' && values[i] !== null ? values[i] === 1 : values[i]]),
  );
  const officers = (db.prepare(OFFICERS_SQL).all(id) as OfficerLine[]).map((o) => ({ ...o, nik: maskNik(o.nik), phone: maskText(o.phone), occupation: maskText(o.occupation) }));
  const findings = storedProblems(db, id);
  const batches = (db.prepare(BATCHES_SQL).all({ id }) as (Omit<BatchTouch, 'files' | 'createdCommunity'> & { files: string; createdCommunity: number })[]).map(
    (b) => ({ ...b, files: fileNames(b.files), createdCommunity: b.createdCommunity === 1 }),
  );
  const changes = (db.prepare(CHANGES_SQL).all({ id }) as (Omit<ChangeLine, 'fields'> & { before: string; after: string | null })[]).map(({ before, after, ...c }) => ({
    ...c,
    fields: changedFields(before, after),
  }));
  return { community, officers, findings, numbers: numberHistory(db, id), batches, changes };
}
