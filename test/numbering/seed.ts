import type { Db } from '../../src/db/connection.js';
import { addCommunity, addOfficer } from '../helpers/db.js';

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

const ROLES = [
  { role: 'Ketua', sex: 'M' as const, birth: '1980-05-12' },
  { role: 'Sekretaris', sex: 'F' as const, birth: '1992-11-03' },
  { role: 'Bendahara', sex: 'M' as const, birth: '1975-01-28' },
];

/** A NIK in Dukcapil shape: district code, birth date (+40 on the day for women), serial. */
function nik(villageCode: string, birth: string, sex: 'M' | 'F', serial: number): string {
  const [y, m, d] = birth.split('-');
  const day = Number(d) + (sex === 'F' ? 40 : 0);
  return `${villageCode.slice(0, 8).replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

/**
 * A community that passes every error rule: SK from the lurah with a matching year, officer list
 * acknowledged, resolved village, ketua/sekretaris/bendahara with well-formed NIKs, no ASN, party
 * or LSM. `serial` keeps its officers' NIKs apart from other communities'.
 */
export function addCompliantCommunity(db: Db, name: string, villageCode: string, serial: number): number {
  const id = addCommunity(db, {
    name,
    village_code: villageCode,
    district_code: villageCode.slice(0, 8),
    sk_number: `400/${serial}/425.106/2025`,
    sk_date: '02/08/2025',
    sk_date_iso: '2025-08-02',
    sk_issuer: 'Lurah',
    acknowledged: 'Ya',
  });
  ROLES.forEach((r, i) => {
    const officerSerial = serial * 3 + i + 1;
    addOfficer(db, id, {
      name: `${r.role} ${name}`,
      role: r.role,
      nik: nik(villageCode, r.birth, r.sex, officerSerial),
      birth_date: r.birth,
      birth_date_iso: r.birth,
      gender: r.sex === 'M' ? 'L' : 'P',
      sex: r.sex,
      occupation: 'Wiraswasta',
      party: '-',
      ngo: '-',
      phone: `0812${String(10_000_000 + officerSerial).slice(-8)}`,
    });
  });
  return id;
}
