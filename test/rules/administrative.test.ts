import { afterAll, describe, expect, it } from 'vitest';
import { setSetting, unsetSetting } from '../../src/core/settings/registry.js';
import type { OfficerSeed } from '../helpers/db.js';
import { check, cleanRoster, codes, newDb, officer } from './helpers.js';

const db = newDb();
afterAll(() => db.close());

/** The findings of one rule on a clean KIM whose ketua is changed as given. */
const ketuaFindings = (rule: string, changes: Partial<OfficerSeed>) => check(db, {}, cleanRoster([changes])).filter((f) => f.rule === rule);

describe('officer affiliation rules fire', () => {
  it.each([
    ['ADM-ASN', 'nip', 'nip', { nip: '197312112005011002' }],
    ['ADM-ASN', 'nipOdd', 'nip', { nip: '19731211 2005' }],
    ['ADM-ASN', 'occupation', 'occupation', { occupation: 'Guru PNS' }],
    ['ADM-ASN', 'occupation', 'occupation', { occupation: 'PNS Dinas Pendidikan' }],
    ['ADM-ASN', 'occupation', 'occupation', { nip: '-', occupation: 'PPPK' }], // an empty NIP column does not clear the occupation
    ['ADM-PARTY', 'column', 'party', { party: 'PDI Perjuangan' }],
    ['ADM-PARTY', 'column', 'party', { party: 'PAN' }], // the column wins: PAN there is the party
    ['ADM-PARTY', 'column', 'party', { party: 'Partai Rakyat Baru' }], // any party the column names
    ['ADM-PARTY', 'columnYes', 'party', { party: 'Ya' }], // a 'Parpol (Ya/Tidak)' column: a member, of a party it does not name
    ['ADM-PARTY', 'occupation', 'occupation', { party: null, occupation: 'Kader PAN' }],
    ['ADM-PARTY', 'occupation', 'occupation', { party: '-', occupation: 'Ketua DPC Partai Golkar' }], // a full name outweighs "-"
    ['ADM-PARTY', 'legislator', 'occupation', { party: '-', occupation: 'Anggota DPRD Kota Probolinggo' }],
    ['ADM-NGO', 'column', 'ngo', { ngo: 'LSM Peduli Rakyat' }],
    ['ADM-NGO', 'column', 'ngo', { ngo: 'Walhi' }], // the LSM column names one
    ['ADM-NGO', 'occupation', 'occupation', { occupation: 'Aktivis LSM' }],
    // A status kepegawaian column, and the free remarks, are evidence too.
    ['ADM-ASN', 'employmentStatus', 'employment_status', { employment_status: 'PNS' }],
    ['ADM-ASN', 'employmentStatus', 'employment_status', { employment_status: 'P3K' }],
    ['ADM-ASN', 'employmentStatus', 'employment_status', { employment_status: 'CPNS' }],
    ['ADM-ASN', 'employmentStatus', 'employment_status', { employment_status: 'Ya' }], // a column asking "ASN?"
    ['ADM-ASN', 'notes', 'notes', { notes: 'PNS Dinas Pendidikan' }],
    ['ADM-PARTY', 'notes', 'notes', { party: null, notes: 'Kader PKS' }],
    ['ADM-PARTY', 'notes', 'notes', { party: '-', notes: 'Anggota DPRD Kab. Muba' }],
    ['ADM-NGO', 'notes', 'notes', { notes: 'Anggota LSM Peduli Desa' }],
  ])('%s (%s) on %s for %j', (rule, reason, field, changes) => {
    const found = ketuaFindings(rule, changes);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, params: { reason }, officer: { name: expect.stringMatching(/^Ketua/) } });
  });

  it('says which words made it fire', () => {
    expect(ketuaFindings('ADM-ASN', { occupation: 'Guru PNS SDN 2' })[0]!.params.words).toBe('PNS');
    expect(ketuaFindings('ADM-PARTY', { party: null, occupation: 'Simpatisan Partai Gerindra' })[0]!.params).toMatchObject({ party: 'Gerindra', words: 'Partai Gerindra' });
  });
});

describe('officer affiliation rules stay silent', () => {
  it.each([
    ['ADM-ASN', { nip: '-' }],
    ['ADM-ASN', { nip: 'tidak ada' }],
    ['ADM-ASN', { nip: '197312112005011002', occupation: 'Pensiunan PNS' }], // retired: the old NIP no longer counts
    ['ADM-ASN', { occupation: 'Pensiunan PNS' }],
    ['ADM-ASN', { occupation: 'Guru Honorer' }],
    ['ADM-ASN', { occupation: 'Perangkat Desa' }],
    ['ADM-ASN', { occupation: 'Anggota TNI' }], // not ASN; warned about only when the office asks
    ['ADM-ASN', { occupation: 'Polri' }],
    ['ADM-PARTY', { party: '-' }],
    ['ADM-PARTY', { party: 'tidak ada' }],
    ['ADM-PARTY', { party: 'Tidak berpartai' }],
    ['ADM-PARTY', { party: 'N/A' }],
    ['ADM-PARTY', { party: '0' }],
    ['ADM-PARTY', { party: '-', occupation: 'Kader PAN' }], // an explicit none outweighs an ambiguous abbreviation
    ['ADM-PARTY', { party: null, occupation: 'Petugas PBB' }],
    ['ADM-PARTY', { party: 'Karang Taruna' }], // a village body written in the wrong column is no party
    ['ADM-NGO', { ngo: '-' }],
    ['ADM-NGO', { ngo: 'nihil' }],
    ['ADM-NGO', { ngo: 'Karang Taruna' }],
    ['ADM-NGO', { ngo: 'PKK' }],
    ['ADM-NGO', { ngo: 'LPM' }],
    ['ADM-NGO', { ngo: 'BPD' }],
    ['ADM-NGO', { ngo: 'Ketua RT 03' }],
    ['ADM-NGO', { occupation: 'Ketua Karang Taruna' }],
    ['ADM-ASN', { employment_status: 'Non ASN' }],
    ['ADM-ASN', { employment_status: 'Non-PNS' }],
    ['ADM-ASN', { employment_status: 'Honorer' }],
    ['ADM-ASN', { employment_status: 'Tenaga Harian Lepas' }],
    ['ADM-ASN', { employment_status: 'Swasta' }],
    ['ADM-ASN', { employment_status: 'Tidak' }],
    ['ADM-ASN', { employment_status: 'Pensiunan PNS' }],
    ['ADM-ASN', { employment_status: 'PNS', notes: 'sudah pensiun 2023' }],
    ['ADM-ASN', { nip: '197312112005011002', employment_status: 'Pensiun' }],
    ['ADM-ASN', { notes: 'pindah domisili' }],
    ['ADM-PARTY', { notes: 'Petugas PBB' }],
    ['ADM-NGO', { notes: 'Pengurus PKK' }],
  ])('%s for %j', (rule, changes) => {
    expect(ketuaFindings(rule, changes)).toEqual([]);
  });

  it('warns about TNI/Polri under ADM-ASN when the office asks, as a warning', () => {
    setSetting(db, 'rules.ADM-ASN.warnTniPolri', 'true');
    try {
      const found = ketuaFindings('ADM-ASN', { occupation: 'Anggota TNI' });
      expect(found).toMatchObject([{ severity: 'warning', params: { reason: 'tniPolri', words: 'TNI' } }]);
    } finally {
      unsetSetting(db, 'rules.ADM-ASN.warnTniPolri');
    }
  });
});

describe('ADM-ROLES', () => {
  const roster = (...roles: string[]) => roles.map((r) => officer(r));
  it.each([
    [['Ketua', 'Bendahara', 'Anggota'], 'sekretaris'],
    [['Anggota', 'Anggota', 'Anggota'], 'ketua, sekretaris, bendahara'],
    [['Wakil Ketua', 'Sekretaris', 'Bendahara'], 'ketua'], // a deputy is not the chair
    [['Ketua Bidang Humas', 'Sekretaris', 'Bendahara'], 'ketua'], // nor is a section head
    [['Ketua', 'Wakil Sekretaris', 'Bendahara'], 'sekretaris'],
    [['Ketua', 'Sekretaris merangkap Humas', 'Anggota'], 'bendahara'],
    [['Ketua', 'Wakil Ketua merangkap Sekretaris', 'Anggota'], 'bendahara'],
  ])('%j lacks %s', (roles, missing) => {
    const found = check(db, {}, roster(...roles)).filter((f) => f.rule === 'ADM-ROLES');
    expect(found).toMatchObject([{ officer: null, field: 'role', params: { roles: missing } }]);
  });

  it.each([
    [['KETUA', 'SEKRETARIS', 'BENDAHARA']],
    [['Ketua KIM', 'Sekertaris', 'Bendahara I']],
    [['Plt. Ketua', 'Sekretaris 1', 'Bendahari']],
    [['Ketua Umum', 'Sekum', 'Bendum']],
    [['Ketua', 'Sekretaris merangkap Bendahara', 'Anggota']],
    [['KETUA', 'SEKRETARIS MERANGKAP BENDAHARA']],
    [['Ketua', 'Sekretaris/Bendahara', 'Anggota']],
    [['Ketua', 'Sekretaris & Bendahara']],
    [['Ketua', 'Sekertaris', 'Bendhara']],
    [['Pj. Ketua', 'Sekretaris', 'Bendaharawan']],
    [['Ket.', 'Sekr.', 'Bdh.', 'Anggota']], // abbreviated in a narrow column
  ])('%j has every core role', (roles) => {
    expect(codes(check(db, {}, roster(...roles)))).not.toContain('ADM-ROLES');
  });

  it('names the cause when no roster of the KIM had a role column', () => {
    const officers = [officer('x', { role: null }), officer('y', { role: null }), officer('z', { role: null })];
    const found = check(db, { blind: 'role' }, officers).filter((f) => f.rule === 'ADM-ROLES');
    expect(found).toMatchObject([{ params: { reason: 'noColumn', roles: 'ketua, sekretaris, bendahara' } }]);
    expect(found[0]!.message).toMatch(/no column for the role/);
  });

  it('does not count an officer who has left', () => {
    const officers = cleanRoster([{ ended_at: '2026-01-01' }]);
    expect(check(db, {}, officers).filter((f) => f.rule === 'ADM-ROLES')).toMatchObject([{ params: { roles: 'ketua' } }]);
  });
});

describe('ADM-SIZE', () => {
  const many = (n: number) => [...cleanRoster(), ...Array.from({ length: n - 3 }, () => officer('Anggota'))];
  it.each([
    [2, 'tooFew'],
    [31, 'tooMany'],
  ])('%i officers: %s', (n, reason) => {
    const officers = n < 3 ? cleanRoster().slice(0, n) : many(n);
    expect(check(db, {}, officers).filter((f) => f.rule === 'ADM-SIZE')).toMatchObject([{ severity: 'warning', value: String(n), params: { reason } }]);
  });

  it.each([[3], [30]])('%i officers are within the default bounds', (n) => {
    expect(codes(check(db, {}, many(n)))).not.toContain('ADM-SIZE');
  });

  it('follows the configured bounds', () => {
    setSetting(db, 'rules.ADM-SIZE.max', '5');
    try {
      expect(check(db, {}, many(6)).filter((f) => f.rule === 'ADM-SIZE')).toMatchObject([{ params: { reason: 'tooMany', max: 5 } }]);
    } finally {
      unsetSetting(db, 'rules.ADM-SIZE.max');
    }
  });
});

describe('ADM-AGE (checked on 2026-11-23)', () => {
  it.each([
    [{ birth_date_iso: '2010-01-01' }, 'young', 16],
    [{ birth_date_iso: '2009-11-24' }, 'young', 16], // the 17th birthday is tomorrow
    [{ birth_date_iso: null, birth_date: null, nik: '3574040101100001' }, 'youngByNik', 16], // only the NIK tells
    [{ birth_date_iso: '2027-01-01' }, 'future', -1],
  ])('fires for %j', (changes, reason, age) => {
    expect(ketuaFindings('ADM-AGE', changes)).toMatchObject([{ params: { reason, age, min: 17 } }]);
  });

  it.each([
    [{ birth_date_iso: '2009-11-23' }], // 17 today
    [{ birth_date_iso: '1950-06-01' }],
    [{ birth_date_iso: null, birth_date: null, nik: null }], // unknown is not too young
  ])('is silent for %j', (changes) => {
    expect(ketuaFindings('ADM-AGE', changes)).toEqual([]);
  });

  it('follows the configured minimum', () => {
    setSetting(db, 'rules.ADM-AGE.min', '18');
    try {
      expect(ketuaFindings('ADM-AGE', { birth_date_iso: '2009-01-01' })).toMatchObject([{ params: { age: 17, min: 18 } }]);
    } finally {
      unsetSetting(db, 'rules.ADM-AGE.min');
    }
  });
});

describe('ADM-DUP-NIK', () => {
  it('fires on both KIMs where one NIK is active, naming the other', () => {
    const shared = officer('Anggota');
    const first = check(db, { name: 'KIM Dup Satu' }, [...cleanRoster(), shared]);
    expect(first.filter((f) => f.rule === 'ADM-DUP-NIK')).toEqual([]);
    const second = check(db, { name: 'KIM Dup Dua' }, [...cleanRoster(), { ...shared, name: 'Orang Sama' }]);
    const dup = second.filter((f) => f.rule === 'ADM-DUP-NIK');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.params.communities).toMatch(/^KIM Dup Satu \(id \d+\)$/);
    expect(dup[0]!.value).toBe('3574************');
  });

  it.each([
    ['the other KIM has ended', { ended_at: '2026-01-01' }, {}],
    ['the other officer has left', {}, { ended_at: '2026-01-01' }],
  ])('is silent when %s', (_why, otherCommunity, otherOfficer) => {
    const shared = officer('Anggota');
    check(db, otherCommunity, [...cleanRoster(), { ...shared, ...otherOfficer }]);
    expect(codes(check(db, {}, [...cleanRoster(), shared]))).not.toContain('ADM-DUP-NIK');
  });

  it('ignores a NIK rounded to serial 0000, which strangers share', () => {
    const rounded = officer('Anggota', { nik: '3574041705800000' });
    check(db, {}, [...cleanRoster(), rounded]);
    expect(codes(check(db, {}, [...cleanRoster(), { ...rounded, name: 'Orang Lain' }]))).not.toContain('ADM-DUP-NIK');
  });
});
