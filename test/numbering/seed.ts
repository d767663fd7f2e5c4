import type { Db } from '../../src/db/connection.js';
import { addCommunity } from '../helpers/db.js';

/**
 * Stands in for validation in the core's unit tests only: it stores each community's result from
 * the findings a test wrote directly (compliant = no error finding), as runValidation would.
 * End-to-end tests run the real validation.
 */
export function resultsFromFindings(db: Db): (ids: number[]) => void {
  const hasError = db.prepare(`SELECT EXISTS (SELECT 1 FROM findings WHERE community_id = ? AND severity = 'error')`).pluck();
  const store = db.prepare(`UPDATE communities SET compliant = ?, validated_at = '2025-10-14' WHERE id = ?`);
  return (ids) => {
    for (const id of ids) store.run(hasError.get(id) ? 0 : 1, id);
  };
}

export function addFinding(db: Db, communityId: number, rule: string, severity: 'error' | 'warning'): void {
  db.prepare(`INSERT INTO findings (community_id, rule, severity, category) VALUES (?, ?, ?, 'test')`).run(communityId, rule, severity);
}

/** A community in a resolved village of Kota Probolinggo. */
export function communityIn(db: Db, name: string, villageCode: string): number {
  return addCommunity(db, { name, village_code: villageCode, district_code: villageCode.slice(0, 8) });
}

/** A number recorded as the import does for a `community_number` column. */
export function importNumber(db: Db, communityId: number, number: string): void {
  db.prepare(
    `INSERT INTO numbers (number, community_id, source, assigned_at, operator) VALUES (?, ?, 'imported', '2025-01-01T00:00:00.000Z', 'tester')`,
  ).run(number, communityId);
  db.prepare(`UPDATE communities SET number = ? WHERE id = ?`).run(number, communityId);
}

export function numbersOf(db: Db): Record<string, string | null> {
  const rows = db.prepare(`SELECT name, number FROM communities ORDER BY id`).all() as { name: string; number: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.number]));
}
