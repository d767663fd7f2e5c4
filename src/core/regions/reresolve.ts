/**
 * When the office's regency is set or changed, or its reference is brought up to date, the KIMs
 * whose place was not recognised are looked up again: a KIM imported before the regency was set
 * keeps a key built from its names as written, and the same roster imported afterwards would
 * otherwise make a second copy of it. Where the new key makes two records one KIM, they are
 * merged. The caller holds the transaction.
 */
import { audit } from '../../db/audit.js';
import { recordChange, setColumns } from '../../db/changes.js';
import { prepared, type Db } from '../../db/connection.js';
import { storedReference } from '../../db/regions.js';
import { villageKey } from '../ids/names.js';
import { OFFICER_VALUE_COLUMNS } from '../import/columns.js';
import { Roster } from '../import/officer-index.js';
import type { OfficerRow } from '../import/statements.js';
import { RegionResolver } from './resolve.js';

export interface Reresolved {
  /** KIMs whose village or district was found now. */
  resolved: number;
  /** Pairs of records found to be one KIM, merged into the first. */
  merged: { kept: { id: number; name: string }; removed: { id: number; name: string }; officersMoved: number; officersMerged: number }[];
}

interface Place {
  id: number;
  name: string;
  name_key: string;
  village_key: string;
  regency_text: string | null;
  district_text: string | null;
  village_text: string | null;
  district_code: string | null;
  village_code: string | null;
  region_note: string | null;
  number: string | null;
}

export function reresolveCommunities(db: Db, operator: string): Reresolved {
  const reference = storedReference(db);
  const out: Reresolved = { resolved: 0, merged: [] };
  if (!reference) return out;
  const resolver = new RegionResolver(reference);
  const unresolved = db
    .prepare(`SELECT id, name, name_key, village_key, regency_text, district_text, village_text, district_code, village_code, region_note, number
              FROM communities WHERE village_code IS NULL OR district_code IS NULL OR region_note IS NOT NULL OR village_code NOT LIKE ? ORDER BY id`)
    .all(`${reference.regencyCode}.%`) as Place[];
  if (unresolved.length === 0) return out;
  const auditId = audit(db, { operator, action: 'regions.reresolve', entity: 'database', details: { regency: reference.regencyCode } });
  const sameKim = db.prepare(`SELECT id, name, number FROM communities WHERE village_key = ? AND name_key = ? AND id <> ?`);
  // A record merged away earlier in this loop is no longer there to look up.
  const gone = new Set<number>();
  for (const c of unresolved) {
    if (gone.has(c.id)) continue;
    const r = resolver.resolve(c.regency_text ?? '', c.district_text ?? '', c.village_text ?? '');
    const note = r.note ? JSON.stringify(r.note) : null;
    const key = villageKey(r.villageCode, c.district_text ?? '', c.village_text ?? '');
    if (r.villageCode === c.village_code && r.districtCode === c.district_code && key === c.village_key && note === c.region_note) continue;
    if (r.villageCode && !c.village_code) out.resolved++;
    const twin = sameKim.get(key, c.name_key, c.id) as { id: number; name: string; number: string | null } | undefined;
    const after = { district_code: r.districtCode, village_code: r.villageCode, village_key: key, region_note: note };
    if (twin) {
      // The older record keeps the KIM (its history, its number), unless only the other has a number.
      const [kept, removed] = twin.id < c.id || (twin.number && !c.number) ? [twin, c] : [c, twin];
      if (kept === c) place(db, auditId, c, after, true);
      gone.add(removed.id);
      out.merged.push(mergeInto(db, auditId, operator, kept, removed));
    } else place(db, auditId, c, after, false);
  }
  return out;
}

function place(db: Db, auditId: number, c: Place, after: Record<string, unknown>, beforeMerge: boolean): void {
  const before = { district_code: c.district_code, village_code: c.village_code, village_key: c.village_key, region_note: c.region_note };
  const values = { ...after, updated_at: new Date().toISOString() };
  // The twin still holds the key until it is merged away: move it aside first.
  if (beforeMerge) prepared(db, `UPDATE communities SET village_key = village_key || '#' || id WHERE village_key = ? AND name_key = ? AND id <> ?`).run(after.village_key, c.name_key, c.id);
  recordChange(db, { auditId }, 'community', c.id, 'update', before, values);
  setColumns(db, 'community', c.id, values);
}

/**
 * Makes two records of one KIM one: the officers of the removed one join the kept one (one person
 * by NIK, or by name where either has no NIK, keeps the kept record and gains the blanks), its
 * change history and number follow, and the removed record goes.
 */
function mergeInto(db: Db, auditId: number, operator: string, kept: { id: number; name: string }, removed: { id: number; name: string }): Reresolved['merged'][number] {
  const officersOf = prepared(db, `SELECT * FROM officers WHERE community_id = ?`);
  const keptOfficers = Roster.of(officersOf.all(kept.id) as OfficerRow[]);
  const movers = officersOf.all(removed.id) as OfficerRow[];
  let moved = 0;
  let merged = 0;
  for (const o of movers) {
    // One person by NIK, or by name where either has no NIK: as an import matches officers.
    const same = keptOfficers.find(o.nik_key, o.name_key);
    if (!same) {
      prepared(db, `UPDATE officers SET community_id = ? WHERE id = ?`).run(kept.id, o.id);
      moved++;
      continue;
    }
    const blanks: Record<string, unknown> = {};
    for (const column of OFFICER_VALUE_COLUMNS) {
      if (column === 'name' || column === 'name_key') continue;
      if ((same[column] === null || same[column] === undefined) && o[column] !== null && o[column] !== undefined) blanks[column] = o[column];
    }
    if (Object.keys(blanks).length) {
      recordChange(db, { auditId }, 'officer', same.id, 'update', Object.fromEntries(Object.keys(blanks).map((c) => [c, same[c] ?? null])), blanks);
      setColumns(db, 'officer', same.id, blanks);
    }
    prepared(db, `UPDATE changes SET entity_id = ? WHERE entity = 'officer' AND entity_id = ?`).run(same.id, o.id);
    prepared(db, `DELETE FROM findings WHERE officer_id = ?`).run(o.id);
    prepared(db, `DELETE FROM officers WHERE id = ?`).run(o.id);
    merged++;
  }
  db.prepare(`UPDATE changes SET entity_id = ? WHERE entity = 'community' AND entity_id = ?`).run(kept.id, removed.id);
  // A number the removed record held goes with the KIM when the kept one has none; else it stays spent.
  const keptNumber = (db.prepare(`SELECT number FROM communities WHERE id = ?`).get(kept.id) as { number: string | null }).number;
  const removedNumber = (db.prepare(`SELECT number FROM communities WHERE id = ?`).get(removed.id) as { number: string | null }).number;
  db.prepare(`UPDATE numbers SET community_id = ? WHERE community_id = ?`).run(keptNumber ? null : kept.id, removed.id);
  db.prepare(`DELETE FROM findings WHERE community_id = ?`).run(removed.id);
  db.prepare(`DELETE FROM communities WHERE id = ?`).run(removed.id);
  if (removedNumber && !keptNumber) setColumns(db, 'community', kept.id, { number: removedNumber });
  // Its validation is outdated now: the next reader checks it again.
  setColumns(db, 'community', kept.id, { updated_at: new Date().toISOString() });
  const result = { kept: { id: kept.id, name: kept.name }, removed: { id: removed.id, name: removed.name }, officersMoved: moved, officersMerged: merged };
  audit(db, { operator, action: 'community.merge', entity: 'community', entityId: kept.id, details: result });
  return result;
}
