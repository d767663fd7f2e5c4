import type { Db } from '../../src/db/connection.js';
import { addCommunity, addOfficer, seedDb, type CommunitySeed } from '../helpers/db.js';

/**
 * A small Kota Probolinggo register whose Q3 2025 recap (as of 2025-09-30) was worked out by
 * hand below. Stored validation results are fresh (validated after every change), so the recap
 * uses them as they are.
 *
 *   Kademangan (6 villages): A (SK 2025-03-01, numbered, compliant), B (SK 2025-08-15: new),
 *     both in Ketapang; C in Pilang without SK date, first recorded 2025-02-10.
 *   Wonoasih (6): D ended 2025-08-31 (ended in the quarter, not counted); J placed by its village
 *     (Sumber Taman) only; K lived 2025-04-01 to 2025-06-15 (gone before the quarter).
 *   Mayangan (5): M (SK 2023); E's SK is 2025-10-05, after the quarter.
 *   Kanigaran (6): F ends 2025-10-01 (after the last day: counted); G's SK date is the last day
 *     itself (new), but it has no SK number.
 *   Kedopok (6): no KIM at all.
 *   Plus I, whose district could not be recognised: left out and warned about.
 */
export function seedRecapFixture(): { db: Db; dir: string; file: string } {
  const seeded = seedDb('35.74');
  const { db } = seeded;
  const kim = (seed: CommunitySeed & { compliant: 0 | 1 }) => {
    const { compliant, ...rest } = seed;
    const id = addCommunity(db, { created_at: '2025-01-05T12:00:00.000Z', ...rest });
    db.prepare(`UPDATE communities SET compliant = ?, validated_at = '2025-12-01T00:00:00.000Z' WHERE id = ?`).run(compliant, id);
    return id;
  };
  const officers = (id: number, list: [sex: 'M' | 'F' | null, endedAt?: string][]) =>
    list.forEach(([sex, ended_at], i) => addOfficer(db, id, { name: `Pengurus ${id}-${i}`, sex, ended_at: ended_at ?? null, nik: `357401010190${String(id).padStart(2, '0')}${String(i).padStart(2, '0')}` }));
  const kademangan = { district_code: '35.74.01', district_text: 'Kademangan' };

  const a = kim({ name: 'KIM A', ...kademangan, village_code: '35.74.01.1001', village_text: 'Ketapang', sk_number: '1/SK/2025', sk_date_iso: '2025-03-01', number: '35.74.01.1001.01', compliant: 1 });
  officers(a, [['M'], ['M'], ['M'], ['F'], ['F'], ['F', '2025-05-01']]);
  const b = kim({ name: 'KIM B', ...kademangan, village_code: '35.74.01.1001', village_text: 'Ketapang', sk_number: '2/SK/2025', sk_date_iso: '2025-08-15', compliant: 0 });
  officers(b, [['M'], ['M'], ['F'], ['M', '2025-10-15']]);
  const c = kim({ name: 'KIM C', ...kademangan, village_code: '35.74.01.1009', village_text: 'Pilang', created_at: '2025-02-10T12:00:00.000Z', compliant: 0 });
  officers(c, [['F'], [null]]);

  const d = kim({ name: 'KIM D', district_code: '35.74.02', village_code: '35.74.02.1002', sk_number: '4/SK/2025', sk_date_iso: '2025-01-10', ended_at: '2025-08-31', compliant: 1 });
  officers(d, [['M'], ['M']]);
  const j = kim({ name: 'KIM J', district_code: null, district_text: 'Wonoasi', village_code: '35.74.02.1006', sk_number: '5/SK/2025', sk_date_iso: '2025-05-05', number: '35.74.02.1006.01', compliant: 1 });
  officers(j, [['M'], ['F']]);
  const k = kim({ name: 'KIM K', district_code: '35.74.02', village_code: '35.74.02.1003', sk_number: '6/SK/2025', sk_date_iso: '2025-04-01', ended_at: '2025-06-15', compliant: 1 });
  officers(k, [['F']]);

  const m = kim({ name: 'KIM M', district_code: '35.74.03', village_code: '35.74.03.1001', sk_number: '7/SK/2023', sk_date_iso: '2023-11-20', compliant: 1 });
  officers(m, [['F'], ['F'], ['M', '2025-09-30']]);
  const e = kim({ name: 'KIM E', district_code: '35.74.03', village_code: '35.74.03.1004', sk_number: '8/SK/2025', sk_date_iso: '2025-10-05', compliant: 1 });
  officers(e, [['M']]);

  const f = kim({ name: 'KIM F', district_code: '35.74.04', village_code: '35.74.04.1001', sk_number: '9/SK/2024', sk_date_iso: '2024-06-01', number: '35.74.04.1001.01', ended_at: '2025-10-01', compliant: 1 });
  officers(f, [['M'], ['F'], ['F']]);
  const g = kim({ name: 'KIM G', district_code: '35.74.04', village_code: '35.74.04.1002', sk_number: null, sk_date_iso: '2025-09-30', compliant: 0 });
  officers(g, [['F']]);

  const i = kim({ name: 'KIM I', district_code: null, village_code: null, district_text: 'Antah', village_text: 'Berantah', sk_number: '10/SK/2025', sk_date_iso: '2025-01-01', compliant: 0 });
  officers(i, [['M']]);
  return seeded;
}

const row = (district: string, v: number[], coverage: number) => {
  const [villages, villagesWithKim, kims, withSk, numbered, compliant, newInQuarter, endedInQuarter, officers, officersMale, officersFemale] = v as [number, ...number[]];
  return { district, villages, villagesWithKim, coveragePct: coverage, kims, withSk, numbered, compliant, newInQuarter, endedInQuarter, officers, officersMale, officersFemale };
};

/** The recap of the fixture for 2025 Q3, every cell computed by hand (see above). */
export const EXPECTED_Q3_2025 = {
  regency: { code: '35.74', name: 'Kota Probolinggo' },
  year: 2025,
  quarter: 3,
  asOf: '2025-09-30',
  rows: [
    //                      vil  w/K kims sk  num cmp new end off  M  F
    row('Kademangan', [6, 2, 3, 2, 1, 1, 1, 0, 11, 6, 4], 33.3),
    row('Wonoasih', [6, 1, 1, 1, 1, 1, 0, 1, 2, 1, 1], 16.7),
    row('Mayangan', [5, 1, 1, 1, 0, 1, 0, 0, 2, 0, 2], 20),
    row('Kanigaran', [6, 2, 2, 1, 1, 1, 1, 0, 4, 1, 3], 33.3),
    row('Kedopok', [6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0),
  ],
  total: (({ district: _d, ...rest }) => rest)(row('', [29, 6, 7, 5, 3, 4, 2, 1, 19, 8, 10], 20.7)),
};

/** The KIM counts of 2025 Q2 (as of 2025-06-30), for the changes the table shows. */
export const KIMS_Q2_2025 = { Kademangan: 2, Wonoasih: 2, Mayangan: 1, Kanigaran: 1, Kedopok: 0, total: 6 };
