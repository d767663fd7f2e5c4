import { describe, expect, it } from 'vitest';
import { assignNumbers } from '../../src/core/numbering/assign.js';
import { endCommunity } from '../../src/core/numbering/end.js';
import { numberHistory } from '../../src/core/numbering/history.js';
import { revokeNumber } from '../../src/core/numbering/revoke.js';
import { getSetting, setSetting } from '../../src/core/settings/registry.js';
import type { Db } from '../../src/db/connection.js';
import { KimError } from '../../src/errors.js';
import { seedDb } from '../helpers/db.js';
import { communityIn, importNumber, resultsFromFindings } from './seed.js';

const KANIGARAN = '35.74.04.1003';
const number = (db: Db, communityIds?: number[]) =>
  assignNumbers(db, { communityIds, today: '2025-10-14', operator: 'clerk', validate: resultsFromFindings(db) });

function keyOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof KimError) return `${e.exitCode} ${e.key}`;
    throw e;
  }
  return 'no error';
}

describe('revoking a number', () => {
  it('keeps the number in the history with who, when and why, and never gives it again', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    number(db);
    const revoked = revokeNumber(db, { communityId: a, reason: ' SK dicabut ', operator: 'kasi' });
    expect(revoked).toEqual({ community: { id: a, name: 'KIM A' }, number: '35.74.04.1003.01', reason: 'SK dicabut' });
    expect(db.prepare(`SELECT number FROM communities WHERE id = ?`).pluck().get(a)).toBeNull();
    const audit = db.prepare(`SELECT operator, entity_id, details FROM audit_log WHERE action = 'number.revoke'`).get() as { details: string };
    expect(audit).toMatchObject({ operator: 'kasi', entity_id: a });
    expect(JSON.parse(audit.details)).toEqual({ number: '35.74.04.1003.01', reason: 'SK dicabut' });

    const b = communityIn(db, 'KIM B', KANIGARAN);
    expect(number(db).assigned).toEqual([{ community: { id: b, name: 'KIM B' }, number: '35.74.04.1003.02' }]);
    expect(number(db, [a]).assigned).toEqual([{ community: { id: a, name: 'KIM A' }, number: '35.74.04.1003.03' }]);

    const history = numberHistory(db, a);
    expect(history.map(({ assignedAt, revokedAt, ...rest }) => ({ ...rest, revoked: revokedAt !== null, dated: /^\d{4}-/.test(assignedAt) }))).toEqual([
      { number: '35.74.04.1003.01', source: 'assigned', operator: 'clerk', revokedBy: 'kasi', reason: 'SK dicabut', revoked: true, dated: true },
      { number: '35.74.04.1003.03', source: 'assigned', operator: 'clerk', revokedBy: null, reason: null, revoked: false, dated: true },
    ]);
  });

  it('refuses a community without a number, and a blank reason, changing nothing', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    expect(keyOf(() => revokeNumber(db, { communityId: a, reason: 'x', operator: 'kasi' }))).toBe('2 number.revoke.noNumber');
    number(db);
    expect(keyOf(() => revokeNumber(db, { communityId: a, reason: '  ', operator: 'kasi' }))).toBe('2 number.revoke.needsReason');
    expect(db.prepare(`SELECT count(*) FROM numbers WHERE revoked_at IS NOT NULL`).pluck().get()).toBe(0);
  });

  it('withdraws an imported number too, and a dry run only says so', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM Lama', KANIGARAN);
    importNumber(db, a, '35.74.04.1003.07');
    const dry = revokeNumber(db, { communityId: a, reason: 'ganda', operator: 'kasi', dryRun: true });
    expect(dry.number).toBe('35.74.04.1003.07');
    expect(db.prepare(`SELECT number FROM communities WHERE id = ?`).pluck().get(a)).toBe('35.74.04.1003.07');
    revokeNumber(db, { communityId: a, reason: 'ganda', operator: 'kasi' });
    expect(numberHistory(db, a)).toMatchObject([{ number: '35.74.04.1003.07', source: 'imported', revokedBy: 'kasi', reason: 'ganda' }]);
  });
});

describe('ending a community', () => {
  it('records the date and reason, keeps its number retired, and refuses to end it twice', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    number(db);
    const ended = endCommunity(db, { communityId: a, date: '2025-09-30', reason: 'Bubar', operator: 'kasi', today: '2025-10-14' });
    expect(ended).toEqual({ community: { id: a, name: 'KIM A', number: '35.74.04.1003.01' }, endedAt: '2025-09-30', reason: 'Bubar' });
    expect(db.prepare(`SELECT ended_at, end_reason, number FROM communities WHERE id = ?`).get(a)).toEqual({
      ended_at: '2025-09-30',
      end_reason: 'Bubar',
      number: '35.74.04.1003.01',
    });
    expect(db.prepare(`SELECT action FROM changes WHERE entity_id = ?`).pluck().all(a)).toContain('end');
    expect(db.prepare(`SELECT operator FROM audit_log WHERE action = 'community.end' AND entity_id = ?`).pluck().get(a)).toBe('kasi');

    db.prepare(`DELETE FROM number_sequences`).run();
    const b = communityIn(db, 'KIM B', KANIGARAN);
    expect(number(db).assigned).toEqual([{ community: { id: b, name: 'KIM B' }, number: '35.74.04.1003.02' }]);

    const again = () => endCommunity(db, { communityId: a, date: '2025-10-01', reason: 'lagi', operator: 'kasi', today: '2025-10-14' });
    expect(keyOf(again)).toBe('2 end.alreadyEnded');
  });

  it('refuses a date after today and a blank reason', () => {
    const { db } = seedDb();
    const a = communityIn(db, 'KIM A', KANIGARAN);
    const end = (date: string, reason: string) => () => endCommunity(db, { communityId: a, date, reason, operator: 'kasi', today: '2025-10-14' });
    expect(keyOf(end('2025-10-15', 'Bubar'))).toBe('2 end.futureDate');
    expect(keyOf(end('2025-10-14', ' '))).toBe('2 end.needsReason');
    expect(db.prepare(`SELECT ended_at FROM communities WHERE id = ?`).pluck().get(a)).toBeNull();
  });
});

describe('the numbering.template setting', () => {
  it('defaults to {village}.{seq:2}, stores a valid template and refuses one without {seq} or with unknown tokens', () => {
    const { db } = seedDb();
    expect(getSetting(db, 'numbering.template')).toBe('{village}.{seq:2}');
    expect(setSetting(db, 'numbering.template', ' {district}/{year}/{seq:3} ')).toBe('{district}/{year}/{seq:3}');
    expect(getSetting(db, 'numbering.template')).toBe('{district}/{year}/{seq:3}');
    expect(keyOf(() => setSetting(db, 'numbering.template', '{village}'))).toBe('2 number.template.noSeq');
    expect(keyOf(() => setSetting(db, 'numbering.template', '{desa}.{seq}'))).toBe('2 number.template.unknownToken');
    expect(getSetting(db, 'numbering.template')).toBe('{district}/{year}/{seq:3}');
  });
});
