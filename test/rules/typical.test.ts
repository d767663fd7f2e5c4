import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { checkCommunities, planChecks } from '../../src/core/rules/check.js';
import { pagedCommunities } from '../../src/core/rules/pages.js';
import { ageCutoff } from '../../src/core/rules/typical.js';
import { translator } from '../../src/ui/messages/index.js';
import { addCommunity, addOfficer, type OfficerSeed } from '../helpers/db.js';
import { CLEAN_COMMUNITY, cleanRoster, newDb, nikFor, officer, TODAY } from './helpers.js';

// The short cut of typical.ts must never hide a finding: on a whole-office run, the findings with
// it equal the findings of checking every officer one by one. Each case is one officer added to
// a clean KIM of its own, and says whether SQLite may let it pass unread (typical) or not.
const YOUNG = ageCutoff(TODAY, 17); // 17 is the default rules.ADM-AGE.min
const dayAfter = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString().slice(0, 10);

const OFFICERS: [label: string, seed: Partial<OfficerSeed>, typical: boolean][] = [
  ['a clean man', {}, true],
  ['a clean woman (40 added to the NIK day)', { sex: 'F', birth_date_iso: '1990-03-09' }, true],
  ['no phone', { phone: null }, true],
  ['a phone of 10 digits', { phone: '0812345678' }, true],
  ['a phone of 13 digits', { phone: '0812345678901' }, true],
  ['no sex, a man by the NIK', { sex: null, gender: null }, true],
  ['no sex, a woman by the NIK', { sex: null, gender: null, nik: nikFor('1980-05-17', 'F') }, true],
  ['29 February of a leap year', { birth_date_iso: '1980-02-29' }, true],
  ['exactly old enough today', { birth_date_iso: YOUNG }, true],
  ['a party column saying none', { party: 'Tidak ada' }, true],
  ['a village body in the party column', { party: 'Karang Taruna' }, true],
  ['a village body in the NGO column', { ngo: 'PKK' }, true],
  ['one day too young', { birth_date_iso: dayAfter(YOUNG) }, false],
  ['born in the future', { birth_date_iso: '2030-01-01' }, false],
  ['no birth date', { birth_date_iso: null, birth_date: null }, false],
  ['a birth date that does not exist', { birth_date_iso: '1980-02-30', nik: '3574043002800001' }, false],
  ['29 February of a year that is not leap', { birth_date_iso: '2001-02-29' }, false],
  ['29 February of 1900, which was not leap', { birth_date_iso: '1900-02-29' }, false],
  ['a NIK grouped for reading', { nik: '3574 0417 0580 0001' }, false],
  ['a NIK in scientific notation', { nik: '3.57404E+15' }, false],
  ['a NIK of 15 digits', { nik: '357404170580001' }, false],
  ['a NIK of 17 digits', { nik: '35740417058000011' }, false],
  ['a NIK with serial 0000', { nik: '3574041705800000' }, false],
  ['a NIK day of 35', { nik: '3574043505800001' }, false],
  ['a NIK month of 13', { nik: '3574041713800001' }, false],
  ['a NIK of another birth day', { nik: '3574041805800001' }, false],
  ['a NIK of another year', { nik: '3574041705810001' }, false],
  ['a man with a woman\'s NIK', { nik: nikFor('1980-05-17', 'F') }, false],
  ['a woman with a man\'s NIK', { sex: 'F', nik: nikFor('1980-05-17', 'M') }, false],
  ['no NIK', { nik: null }, false],
  ['a phone grouped for reading', { phone: '0812-3456-7890' }, false],
  ['a phone with +62', { phone: '+6281234567890' }, false],
  ['a phone without its 0', { phone: '81234567890' }, false],
  ['a phone too short', { phone: '081234567' }, false],
  ['a phone too long', { phone: '08123456789012' }, false],
  ['a phone with letters', { phone: '08123456789a' }, false],
  ['two phones in one cell', { phone: '081234567890 / 085712345678' }, false],
  ['a landline', { phone: '0335421234' }, false],
];

// An occupation, NIP, party or NGO some rule may flag: the whole KIM is checked one by one.
// Whether a rule then fires is the rules' business (a soldier is only flagged when the office asks).
const AFFILIATIONS: [label: string, seed: Partial<OfficerSeed>, whole: boolean, rules: string[]][] = [
  ['a civil servant', { occupation: 'Guru PNS SDN 2' }, true, ['ADM-ASN']],
  ['a retired civil servant', { occupation: 'Pensiunan PNS' }, false, []],
  ['a soldier', { occupation: 'Anggota TNI AD' }, true, []],
  ['a party cadre by an ambiguous name, party column "-"', { occupation: 'Kader PAN' }, true, []],
  ['a party cadre by an ambiguous name, party column blank', { occupation: 'Kader PAN', party: null }, true, ['ADM-PARTY']],
  ['a legislator', { occupation: 'Anggota DPRD' }, true, ['ADM-PARTY']],
  ['an NGO activist', { occupation: 'Aktivis LSM Peduli' }, true, ['ADM-NGO']],
  ['a NIP', { nip: '198005172005011001' }, true, ['ADM-ASN']],
  ['a NIP beside a retirement', { nip: '198005172005011001', occupation: 'Purnawirawan' }, true, []],
  ['a party named in its column', { party: 'Golkar' }, true, ['ADM-PARTY']],
  ['an NGO named in its column', { ngo: 'LSM Peduli Desa' }, true, ['ADM-NGO']],
  ['an ASN by employment status', { employment_status: 'PNS' }, true, ['ADM-ASN']],
  ['not ASN by employment status', { employment_status: 'Non ASN' }, false, []],
  ['a party cadre in the remarks', { notes: 'Kader PKS' }, true, ['ADM-PARTY']],
  ['plain remarks', { notes: 'pindah domisili' }, false, []],
];

let db: Db;
beforeEach(() => {
  db = newDb();
});
afterEach(() => db.close());

function kim(name: string, officers: OfficerSeed[]): number {
  const id = addCommunity(db, { ...CLEAN_COMMUNITY, name });
  for (const o of officers) addOfficer(db, id, o);
  return id;
}

/** Which officers of each KIM the pass reads whole and checks one by one. */
function oneByOne(): Map<number, number[]> {
  const p = planChecks(db, {}, TODAY);
  const out = new Map<number, number[]>();
  for (const page of pagedCommunities(db, p.ids, { cutoff: ageCutoff(TODAY, p.env.config.ageMin), holders: p.holders })) {
    out.set(page.community.id, page.officers.map((o) => o.id));
  }
  return out;
}

function bothWays() {
  const p = planChecks(db, {}, TODAY);
  const t = translator('en');
  return { short: checkCommunities(db, p, p.ids, t), long: checkCommunities(db, p, p.ids, t, true) };
}

describe('the short cut of a whole-office validation', () => {
  it.each(OFFICERS)('%s: typical %s, and the same findings as checking it one by one', (label, seed, typical) => {
    const roster = cleanRoster();
    const added = officer('Anggota', seed);
    const id = kim(`KIM ${label}`, roster);
    const officerId = addOfficer(db, id, added);
    expect(oneByOne().get(id)).toEqual(typical ? [] : [officerId]);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    expect(short.officers).toBe(4);
  });

  it.each(AFFILIATIONS)('%s: the whole KIM checked one by one %s, the same findings (%j)', (label, seed, whole, rules) => {
    const id = kim(`KIM ${label}`, [...cleanRoster(), officer('Anggota', seed)]);
    const clean = kim('KIM Bersih', cleanRoster());
    const seen = oneByOne();
    expect(seen.get(id)).toHaveLength(whole ? 4 : 0);
    expect(seen.get(clean)).toEqual([]);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    expect(short.checked.find((c) => c.id === id)!.findings.map((f) => f.rule)).toEqual(rules);
  });

  it('checks one by one the holders of a NIK active in two KIMs, and keeps their findings', () => {
    const shared = officer('Anggota');
    const a = kim('KIM Satu', [...cleanRoster(), shared]);
    const b = kim('KIM Dua', [...cleanRoster(), { ...shared, name: 'Orang Yang Sama' }]);
    const seen = oneByOne();
    expect(seen.get(a)).toHaveLength(1);
    expect(seen.get(b)).toHaveLength(1);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    expect(short.checked.flatMap((c) => c.findings.map((f) => f.rule))).toEqual(['ADM-DUP-NIK', 'ADM-DUP-NIK']);
  });

  it('checks a whole KIM one by one when a phone holds the separator of the officers\' texts', () => {
    const id = kim('KIM Pemisah', [...cleanRoster(), officer('Anggota', { phone: '0812345678\x1e0812345678' }), officer('Anggota')]);
    expect(oneByOne().get(id)).toHaveLength(5);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    expect(short.checked[0]!.findings.map((f) => f.rule)).toEqual(['DAT-PHONE']);
  });

  it('runs the roster rules on typical officers and on a KIM without officers', () => {
    const noCore = kim('KIM Tanpa Ketua', [officer('Anggota'), officer('Anggota')]);
    const empty = kim('KIM Kosong', []);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    const rules = (id: number) => short.checked.find((c) => c.id === id)!.findings.map((f) => f.rule);
    expect(rules(noCore)).toEqual(['ADM-ROLES', 'ADM-SIZE']);
    expect(rules(empty)).toEqual(['ADM-ROLES', 'ADM-SIZE']);
    expect(oneByOne().get(noCore)).toEqual([]);
  });

  it('leaves out ended officers either way', () => {
    const id = kim('KIM Berganti', [...cleanRoster(), officer('Anggota', { phone: '12' })]);
    db.prepare(`UPDATE officers SET ended_at = '2026-01-01' WHERE community_id = ? AND phone = '12'`).run(id);
    const { short, long } = bothWays();
    expect(short).toEqual(long);
    expect(short.officers).toBe(3);
    expect(short.checked[0]!.findings).toEqual([]);
  });
});

// Officers drawn at random from clean values and the ways rosters spoil them.
const digitString = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const iso = fc.date({ min: new Date('1925-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const randomOfficer = fc
  .record({
    birth: fc.oneof({ weight: 6, arbitrary: iso }, fc.constant(null), fc.constantFrom('1980-02-30', '2001-02-29', '1900-02-29', '2000-02-29')),
    nikSex: fc.constantFrom('M' as const, 'F' as const),
    sex: fc.constantFrom('M' as const, 'F' as const, null),
    nik: fc.oneof(
      { weight: 5, arbitrary: fc.constant('valid') },
      fc.tuple(fc.nat(15), fc.constantFrom(...'0123456789 .-xE')).map(([at, ch]) => ({ at, ch })),
      digitString(14, 17),
      fc.constantFrom(null, '3.57404E+15', '3574 0417 0580 0001', "'3574041705800001", ' 3574041705800001 '),
    ),
    phone: fc.oneof(
      { weight: 4, arbitrary: digitString(8, 11).map((d) => '08' + d) },
      fc.constant(null),
      digitString(6, 14),
      fc.constantFrom('+6281234567890', '0812-3456-7890', '0812 3456 7890', '081234567890 / 085712345678', '08x2345678901', ' 081234567890'),
      fc.string({ maxLength: 14 }),
    ),
    occupation: fc.oneof(fc.constantFrom('Petani', 'Guru PNS', 'Kader PAN', 'Pensiunan PNS', 'Anggota TNI', 'Aktivis LSM', null), fc.string({ maxLength: 12 })),
    employment_status: fc.constantFrom(null, null, 'Non ASN', 'PNS', 'Honorer', 'Ya', 'Pensiunan PNS'),
    notes: fc.constantFrom(null, null, 'pindah domisili', 'Kader PKS', 'PNS Dinas Pendidikan', 'Anggota LSM'),
    party: fc.constantFrom('-', null, 'Golkar', 'Tidak ada', 'Karang Taruna', 'PAN'),
    nip: fc.constantFrom(null, null, null, '-', '198005172005011001'),
    role: fc.constantFrom('Ketua', 'Sekretaris', 'Bendahara', 'Anggota', 'Wakil Ketua', null),
  })
  .map((r): OfficerSeed => {
    let nik: string | null = typeof r.nik === 'string' && r.nik !== 'valid' ? r.nik : r.nik === null ? null : nikFor(r.birth ?? '1980-05-17', r.nikSex);
    if (nik && typeof r.nik === 'object' && r.nik !== null) nik = nik.slice(0, r.nik.at) + r.nik.ch + nik.slice(r.nik.at + 1);
    return officer(r.role ?? 'Anggota', { role: r.role, nik, birth_date_iso: r.birth, sex: r.sex, phone: r.phone, occupation: r.occupation, party: r.party, nip: r.nip, employment_status: r.employment_status, notes: r.notes });
  });

describe('the short cut against checking every officer, on random officers', () => {
  it('finds the same on any roster', () => {
    fc.assert(
      fc.property(fc.array(fc.array(randomOfficer, { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 12 }), (kims) => {
        db.close();
        db = newDb();
        kims.forEach((officers, i) => kim(`KIM Acak ${i}`, officers));
        const { short, long } = bothWays();
        expect(short).toEqual(long);
      }),
      { numRuns: 60 },
    );
  });
});
