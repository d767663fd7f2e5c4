import { describe, expect, it } from 'vitest';
import { assignNumbers, type NumberingRequest } from '../../src/core/numbering/assign.js';
import { setSetting } from '../../src/core/settings/registry.js';
import type { Db } from '../../src/db/connection.js';
import { seedDb } from '../helpers/db.js';
import { addFinding, communityIn, importNumber, numbersOf, resultsFromFindings } from './seed.js';

const KANIGARAN = '35.74.04.1003';
const SUKABUMI = '35.74.03.1007';

function number(db: Db, extra: Partial<NumberingRequest> = {}) {
  return assignNumbers(db, { today: '2025-10-14', operator: 'clerk', validate: resultsFromFindings(db), ...extra });
}

describe('assignNumbers', () => {
  it('gives each eligible community the next number of its own village, in the default template', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    communityIn(db, 'KIM B', SUKABUMI);
    communityIn(db, 'KIM C', KANIGARAN);
    const result = number(db);
    expect(result.assigned).toEqual([
      { community: { id: a, name: 'KIM A' }, number: '35.74.04.1003.01' },
      { community: { id: a + 1, name: 'KIM B' }, number: '35.74.03.1007.01' },
      { community: { id: a + 2, name: 'KIM C' }, number: '35.74.04.1003.02' },
    ]);
    expect(result.skipped).toEqual([]);
    const rows = db.prepare(`SELECT number, community_id, source, operator, revoked_at FROM numbers ORDER BY number`).all();
    expect(rows).toEqual([
      { number: '35.74.03.1007.01', community_id: a + 1, source: 'assigned', operator: 'clerk', revoked_at: null },
      { number: '35.74.04.1003.01', community_id: a, source: 'assigned', operator: 'clerk', revoked_at: null },
      { number: '35.74.04.1003.02', community_id: a + 2, source: 'assigned', operator: 'clerk', revoked_at: null },
    ]);
  });

  it('records an audit entry and a before-image for every number given', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    number(db);
    const entry = db.prepare(`SELECT id, operator, action, entity, entity_id, details FROM audit_log WHERE action = 'number.assign'`).get() as {
      id: number;
      details: string;
    };
    expect(entry).toMatchObject({ operator: 'clerk', action: 'number.assign', entity: 'community', entity_id: a });
    expect(JSON.parse(entry.details)).toEqual({ number: '35.74.04.1003.01', scope: `village=${KANIGARAN}`, seq: 1 });
    const change = db.prepare(`SELECT audit_id, entity_id, before FROM changes`).get() as { audit_id: number; before: string };
    expect(change.audit_id).toBe(entry.id);
    expect(JSON.parse(change.before)).toMatchObject({ number: null });
  });

  it('skips communities with an error finding, naming the rules, and lets warnings through', () => {
    const { db } = seedDb();
    const bad = communityIn(db, 'KIM Harapan', KANIGARAN);
    const warned = communityIn(db, 'KIM Waspada', KANIGARAN);
    addFinding(db, bad, 'LEG-ACK', 'error');
    addFinding(db, bad, 'ADM-ASN', 'error');
    addFinding(db, bad, 'ADM-ASN', 'error');
    addFinding(db, bad, 'DAT-PHONE', 'warning');
    addFinding(db, warned, 'ADM-SIZE', 'warning');
    const result = number(db);
    expect(result.skipped).toEqual([{ community: { id: bad, name: 'KIM Harapan' }, rules: ['ADM-ASN', 'LEG-ACK'], named: false }]);
    expect(result.assigned).toEqual([{ community: { id: warned, name: 'KIM Waspada' }, number: '35.74.04.1003.01' }]);
  });

  it('leaves numbered and ended communities alone, and numbers only the communities named', () => {
    const { db } = seedDb();
    communityIn(db, 'KIM Lama', KANIGARAN);
    const ended = communityIn(db, 'KIM Bubar', KANIGARAN);
    db.prepare(`UPDATE communities SET ended_at = '2025-01-01' WHERE id = ?`).run(ended);
    const named = communityIn(db, 'KIM Dipilih', SUKABUMI);
    communityIn(db, 'KIM Lain', SUKABUMI);

    const first = number(db, { communityIds: [named] });
    expect(first.assigned.map((a) => a.number)).toEqual(['35.74.03.1007.01']);
    expect(numbersOf(db)).toEqual({ 'KIM Lama': null, 'KIM Bubar': null, 'KIM Dipilih': '35.74.03.1007.01', 'KIM Lain': null });

    const all = number(db);
    expect(all.assigned.map((a) => a.community.name)).toEqual(['KIM Lama', 'KIM Lain']);
    expect(all.skipped).toEqual([]);

    const again = number(db, { communityIds: [named, ended] });
    expect(again.assigned).toEqual([]);
    expect(again.alreadyNumbered).toEqual([{ id: named, name: 'KIM Dipilih', number: '35.74.03.1007.01' }]);
    expect(again.skipped).toEqual([{ community: { id: ended, name: 'KIM Bubar' }, rules: ['NUM-ENDED'], named: true }]);
  });

  it('steps over an imported number that falls inside the sequence', () => {
    const { db } = seedDb();
    const old = communityIn(db, 'KIM Lama', SUKABUMI);
    importNumber(db, old, '35.74.03.1007.02');
    communityIn(db, 'KIM Satu', SUKABUMI);
    communityIn(db, 'KIM Dua', SUKABUMI);
    communityIn(db, 'KIM Tiga', SUKABUMI);
    expect(number(db).assigned.map((a) => a.number)).toEqual(['35.74.03.1007.01', '35.74.03.1007.03', '35.74.03.1007.04']);
  });

  it('never gives a revoked number again, whatever the counter says', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    number(db);
    // Revoked (as revokeNumber leaves it), and the counter lost: only the history stands guard.
    db.prepare(`UPDATE numbers SET revoked_at = '2025-10-14T00:00:00Z', revoked_by = 'clerk', reason = 'SK dicabut'`).run();
    db.prepare(`UPDATE communities SET number = NULL WHERE id = ?`).run(a);
    db.prepare(`DELETE FROM number_sequences`).run();
    communityIn(db, 'KIM B', KANIGARAN);
    const result = number(db);
    expect(result.assigned.map((x) => [x.community.name, x.number])).toEqual([['KIM B', '35.74.04.1003.02']]);
    // A community whose number was withdrawn gets a new one only when named.
    expect(result.skipped).toEqual([{ community: { id: a, name: 'KIM A' }, rules: ['NUM-REVOKED'], named: false }]);
    expect(number(db, { communityIds: [a] }).assigned).toEqual([{ community: { id: a, name: 'KIM A' }, number: '35.74.04.1003.03' }]);
  });

  it('refuses a community whose sequence would overflow the width, and numbers the others', () => {
    const { db } = seedDb();
    const full = communityIn(db, 'KIM Ke-99', KANIGARAN);
    importNumber(db, full, '35.74.04.1003.99');
    db.prepare(`INSERT INTO number_sequences (scope, last) VALUES (?, 98)`).run(`village=${KANIGARAN}`);
    const late = communityIn(db, 'KIM Ke-100', KANIGARAN);
    communityIn(db, 'KIM Sukabumi', SUKABUMI);
    const result = number(db);
    expect(result.skipped).toEqual([
      { community: { id: late, name: 'KIM Ke-100' }, rules: ['NUM-OVERFLOW'], named: false, scope: `village=${KANIGARAN}`, max: 99 },
    ]);
    expect(result.assigned.map((a) => a.number)).toEqual(['35.74.03.1007.01']);
    expect(db.prepare(`SELECT number FROM numbers WHERE number LIKE '%.100'`).all()).toEqual([]);

    // Widening the template continues the same count instead of starting again.
    setSetting(db, 'numbering.template', '{village}.{seq:3}');
    expect(number(db).assigned.map((a) => a.number)).toEqual(['35.74.04.1003.100']);
  });

  it('refuses a community without the region code the template needs, and numbers it when the template does not', () => {
    const { db } = seedDb();
    const districtOnly = communityIn(db, 'KIM Kecamatan', '35.74.02');
    db.prepare(`UPDATE communities SET village_code = NULL WHERE id = ?`).run(districtOnly);
    const result = number(db);
    expect(result.skipped).toEqual([
      { community: { id: districtOnly, name: 'KIM Kecamatan' }, rules: ['LEG-REGION'], named: false, missingTokens: ['village'] },
    ]);
    setSetting(db, 'numbering.template', 'KIM/{district}/{seq:3}');
    expect(number(db).assigned.map((a) => a.number)).toEqual(['KIM/35.74.02/001']);
  });

  it('counts {year} numbers within the year of assignment', () => {
    const { db } = seedDb();
    setSetting(db, 'numbering.template', '{regency}/{year}/{seq:3}');
    communityIn(db, 'KIM A', KANIGARAN);
    communityIn(db, 'KIM B', SUKABUMI);
    expect(number(db, { today: '2025-12-31' }).assigned.map((a) => a.number)).toEqual(['35.74/2025/001', '35.74/2025/002']);
    communityIn(db, 'KIM C', KANIGARAN);
    expect(number(db, { today: '2026-01-02' }).assigned.map((a) => a.number)).toEqual(['35.74/2026/001']);
  });

  it('does not number a community that validation did not reach', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    const result = number(db, { validate: () => {} });
    expect(result.skipped).toEqual([{ community: { id: a, name: 'KIM A' }, rules: ['NUM-NOT-VALIDATED'], named: false }]);
    expect(result.assigned).toEqual([]);
  });

  it('shows on a dry run exactly what a real run gives, and writes nothing', () => {
    const { db } = seedDb();
    communityIn(db, 'KIM A', KANIGARAN);
    communityIn(db, 'KIM B', KANIGARAN);
    const bad = communityIn(db, 'KIM C', SUKABUMI);
    addFinding(db, bad, 'LEG-SK-MISSING', 'error');
    const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
    const auditBefore = count('audit_log');
    const dry = number(db, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect([count('numbers'), count('number_sequences'), count('audit_log') - auditBefore, count('changes')]).toEqual([0, 0, 0, 0]);
    expect(db.prepare(`SELECT count(*) FROM communities WHERE number IS NOT NULL OR compliant IS NOT NULL`).pluck().get()).toBe(0);
    const real = number(db);
    expect(real.assigned).toEqual(dry.assigned);
    expect(real.skipped).toEqual(dry.skipped);
  });
});
