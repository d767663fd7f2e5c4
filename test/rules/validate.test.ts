import { afterAll, describe, expect, it } from 'vitest';
import { describeFinding } from '../../src/core/rules/describe.js';
import { runValidation } from '../../src/core/rules/validate.js';
import { setSetting, unsetSetting } from '../../src/core/settings/registry.js';
import { translator } from '../../src/ui/messages/index.js';
import { addCommunity, addOfficer } from '../helpers/db.js';
import { CLEAN_COMMUNITY, cleanRoster, newDb, TODAY } from './helpers.js';

const db = newDb();
afterAll(() => db.close());

function kim(name: string, extra: Record<string, unknown> = {}, roster = cleanRoster()): number {
  const id = addCommunity(db, { ...CLEAN_COMMUNITY, name, ...extra });
  for (const o of roster) addOfficer(db, id, o);
  return id;
}

const stored = (id: number) =>
  db.prepare(`SELECT rule, severity, category, officer_id, field, value, params FROM findings WHERE community_id = ? ORDER BY id`).all(id) as {
    rule: string;
    severity: string;
    params: string;
  }[];
const state = (id: number) => db.prepare(`SELECT compliant, validated_at FROM communities WHERE id = ?`).get(id) as { compliant: number | null; validated_at: string | null };

const clean = kim('KIM Bersih');
const noSk = kim('KIM Tanpa SK', { sk_number: null });
const asn = kim('KIM Ada PNS', {}, cleanRoster([{ occupation: 'Guru PNS' }]));
const ended = kim('KIM Bubar', { sk_number: null, ended_at: '2025-12-31' });
const mayangan = kim('KIM Mayangan', { district_text: 'Mayangan', district_code: '35.74.03', village_text: 'Jati', village_code: '35.74.03.1004', sk_number: null });

describe('runValidation', () => {
  it('checks every community not ended, stores the results and counts them', () => {
    const run = runValidation(db, { today: TODAY, operator: 'tester' });
    expect(run.summary).toEqual({ communities: 4, officers: 12, errors: 3, warnings: 0, compliant: 1 });
    expect(run.findings.map((f) => [f.community.name, f.rule])).toEqual([
      ['KIM Tanpa SK', 'LEG-SK-MISSING'],
      ['KIM Ada PNS', 'ADM-ASN'],
      ['KIM Mayangan', 'LEG-SK-MISSING'],
    ]);
    expect(state(clean)).toMatchObject({ compliant: 1, validated_at: expect.stringMatching(/^\d{4}-/) });
    expect(state(noSk).compliant).toBe(0);
    expect(state(ended)).toEqual({ compliant: null, validated_at: null });
    expect(stored(asn)).toMatchObject([{ rule: 'ADM-ASN', severity: 'error', category: 'administrative', field: 'occupation', value: 'Guru PNS' }]);
    expect(run.communities.find((c) => c.id === asn)).toMatchObject({ compliant: false, errorRules: ['ADM-ASN'] });
  });

  it('replaces the stored findings of the communities it checks, and only theirs', () => {
    db.prepare(`UPDATE communities SET sk_number = '400/1/2025' WHERE id = ?`).run(noSk);
    runValidation(db, { communityIds: [noSk], today: TODAY, operator: 'tester' });
    expect(stored(noSk)).toEqual([]);
    expect(state(noSk).compliant).toBe(1);
    expect(stored(asn)).toHaveLength(1);
  });

  it('checks one district, or a named community even when it has ended', () => {
    expect(runValidation(db, { districtCode: '35.74.03', today: TODAY, operator: 'tester' }).findings.map((f) => f.community.id)).toEqual([mayangan]);
    const named = runValidation(db, { communityIds: [ended], today: TODAY, operator: 'tester' });
    expect(named.findings.map((f) => f.rule)).toEqual(['LEG-SK-MISSING']);
  });

  it('records one audit entry per run with the summary', () => {
    runValidation(db, { communityIds: [asn], today: TODAY, operator: 'siti' });
    const row = db.prepare(`SELECT operator, action, details FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { operator: string; action: string; details: string };
    expect(row).toMatchObject({ operator: 'siti', action: 'validate' });
    expect(JSON.parse(row.details)).toMatchObject({ communities: 1, errors: 1, compliant: 0 });
  });

  it('follows the office: a severity turned to warning makes the KIM compliant; a disabled rule is not checked', () => {
    setSetting(db, 'rules.ADM-ASN.severity', 'warning');
    try {
      const run = runValidation(db, { communityIds: [asn], today: TODAY, operator: 'tester' });
      expect(run.findings).toMatchObject([{ rule: 'ADM-ASN', severity: 'warning' }]);
      expect(state(asn).compliant).toBe(1);
    } finally {
      unsetSetting(db, 'rules.ADM-ASN.severity');
    }
    setSetting(db, 'rules.ADM-ASN.enabled', 'false');
    try {
      expect(runValidation(db, { communityIds: [asn], today: TODAY, operator: 'tester' }).findings).toEqual([]);
    } finally {
      unsetSetting(db, 'rules.ADM-ASN.enabled');
    }
  });

  it('checks a KIM without officers for its roster too', () => {
    const empty = kim('KIM Kosong', {}, []);
    const rules = runValidation(db, { communityIds: [empty], today: TODAY, operator: 'tester' }).findings.map((f) => f.rule);
    expect(rules).toEqual(['ADM-ROLES', 'ADM-SIZE']);
  });
});

describe('describeFinding', () => {
  it('renders a stored finding in either language from its params', () => {
    runValidation(db, { communityIds: [asn], today: TODAY, operator: 'tester' });
    const [row] = stored(asn);
    expect(describeFinding(translator('en'), row!)).toBe('The occupation shows an ASN: "PNS".');
    expect(describeFinding(translator('id'), row!)).toBe('Pekerjaan menunjukkan ASN: "PNS".');
  });

  it('falls back to the rule description for a reason it does not know', () => {
    expect(describeFinding(translator('en'), { rule: 'ADM-SIZE', params: '{"reason":"someday"}' })).toMatch(/active officers fewer or more/);
  });
});
