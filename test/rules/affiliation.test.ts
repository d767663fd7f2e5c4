import { describe, expect, it } from 'vitest';
import { asnInOccupation, isRetired } from '../../src/core/rules/affiliation/asn.js';
import { namesVillageBody, ngoInText } from '../../src/core/rules/affiliation/ngo.js';
import { isNone } from '../../src/core/rules/affiliation/none.js';
import { partyInColumn, partyInText } from '../../src/core/rules/affiliation/party.js';

describe('ASN in an occupation', () => {
  it.each([
    ['PNS', 'PNS'],
    ['Guru PNS', 'PNS'],
    ['PNS Dinas Pendidikan', 'PNS'],
    ['Pegawai Negeri Sipil', 'Pegawai Negeri Sipil'],
    ['ASN Pemkot Probolinggo', 'ASN'],
    ['Guru PPPK', 'PPPK'],
    ['P3K Dinkes', 'P3K'],
    ['CPNS', 'CPNS'],
    ['PPPK eks honorer', 'PPPK'], // converted from honorer: ASN now
    ['Ibu rumah tangga, PNS', 'PNS'], // the ASN part stands on its own
  ])('%s is ASN by "%s"', (text, words) => {
    expect(asnInOccupation(text)).toEqual({ kind: 'asn', words });
  });

  it.each([
    ['Pensiunan PNS'], // a retired civil servant is no longer ASN
    ['PNS (pensiun)'],
    ['Purnawirawan'],
    ['Mantan PNS'],
    ['Guru Honorer'], // honorary staff are not ASN
    ['Tenaga Honorer non-PNS'],
    ['Perangkat Desa'], // village officials are not ASN
    ['Sekretaris Desa'],
    ['Kaur Keuangan Desa'],
    ['Istri PNS'], // the spouse is not the civil servant
    ['Ibu Rumah Tangga'],
    ['Karyawan BUMN'],
    ['Guru'],
    ['Pemilik Warung Hasnah'], // "asn" only as a whole word
    ['Wiraswasta'],
  ])('%s is not ASN', (text) => {
    expect(asnInOccupation(text)).toBeNull();
  });

  it.each([
    ['Anggota TNI AD', 'TNI AD'],
    ['Polri', 'Polri'],
    ['Bhabinkamtibmas', 'Bhabinkamtibmas'],
  ])('%s is TNI/Polri, which is not ASN', (text, words) => {
    expect(asnInOccupation(text)).toEqual({ kind: 'tniPolri', words });
  });

  it.each([
    ['Purnawirawan TNI', null],
    ['Pensiunan Polri', null],
  ])('%s is retired from TNI/Polri', (text, expected) => {
    expect(asnInOccupation(text)).toBe(expected);
  });

  it.each([
    ['Pensiunan Guru', true],
    ['Purna tugas', true],
    ['Guru PNS', false],
  ])('isRetired(%s) = %s', (text, retired) => {
    expect(isRetired(text)).toBe(retired);
  });
});

describe('a party in free text', () => {
  it.each([
    ['Kader PDI Perjuangan', 'PDI Perjuangan', 'PDI Perjuangan'],
    ['Pengurus DPC Partai Golkar', 'Golkar', 'Partai Golkar'],
    ['Simpatisan Gerindra', 'Gerindra', 'Gerindra'],
    ['Kader PAN', 'PAN', 'PAN'], // ambiguous, with a party word beside it
    ['Ketua Ranting PBB', 'PBB', 'PBB'],
    ['Anggota Partai Amanat Nasional', 'PAN', 'Partai Amanat Nasional'],
    ['Partai Buruh', 'Partai Buruh', 'Partai Buruh'],
    ['Relawan Partai Aceh', 'Partai Aceh', 'Partai Aceh'],
    ['PKS', 'PKS', 'PKS'],
  ])('%s names %s by "%s"', (text, party, words) => {
    expect(partyInText(text)).toMatchObject({ kind: 'named', party, words });
  });

  it.each([
    ['Anggota DPRD Kota Probolinggo', 'Anggota DPRD'], // party members by definition
    ['Caleg 2024', 'Caleg'],
    ['Anggota Dewan', 'Anggota Dewan'],
  ])('%s is a legislator by "%s"', (text, words) => {
    expect(partyInText(text)).toMatchObject({ kind: 'legislator', party: null, words });
  });

  it('sees party membership without a party name', () => {
    expect(partyInText('Pengurus Partai')).toMatchObject({ kind: 'generic', words: 'Pengurus Partai' });
  });

  it.each([
    ['Petugas PBB'], // the land tax
    ['Pegawai PBB di Jakarta'], // the United Nations
    ['Panitia Pemilu'], // "pan" only as a whole word
    ['Pandai Besi'],
    ['Buruh Tani'], // a labourer, not Partai Buruh
    ['Guru PKn'], // civics, not the party PKN
    ['Garuda Indonesia'], // the airline
    ['Pas foto'],
    ['Staf DPRD'], // secretariat staff are not members
    ['Staf Anggota DPRD'],
    ['Anggota DPD RI'], // DPD members stand without a party
    ['Mantan Anggota DPRD'],
    ['Mantan kader Golkar'],
    ['Non Partai'],
    ['Nelayan'],
  ])('%s names no party', (text) => {
    expect(partyInText(text)).toBeNull();
  });

  it('counts an ambiguous abbreviation as weak evidence, a full name as strong', () => {
    expect(partyInText('Kader PAN')!.strong).toBe(false);
    expect(partyInText('Kader Partai Amanat Nasional')!.strong).toBe(true);
  });
});

describe('a party in the party column', () => {
  it.each([
    ['PAN', 'PAN'], // the column is about parties: PAN is the party
    ['PBB', 'PBB'],
    ['PDI-P', 'PDI Perjuangan'],
    ['PDIP', 'PDI Perjuangan'],
    ['Nasdem', 'NasDem'],
    ['Golongan Karya', 'Golkar'],
  ])('%s is %s', (text, party) => {
    expect(partyInColumn(text)).toMatchObject({ party, strong: true });
  });
});

describe('LSM', () => {
  it.each([
    ['Aktivis LSM', 'Aktivis LSM'],
    ['Pegawai NGO lingkungan', 'NGO'],
    ['Lembaga Swadaya Masyarakat Peduli Desa', 'Lembaga Swadaya Masyarakat'],
  ])('%s is an LSM by "%s"', (text, words) => {
    expect(ngoInText(text)).toBe(words);
  });

  it.each([['Karang Taruna'], ['Ketua PKK'], ['Ketua RT 03'], ['Guru Yayasan'], ['Bukan anggota LSM'], ['Mantan aktivis LSM']])('%s is no LSM', (text) => {
    expect(ngoInText(text)).toBeNull();
  });

  it.each([
    ['Karang Taruna', true],
    ['Ketua RT 03 / RW 02', true],
    ['Tim Penggerak PKK', true],
    ['LPM Kelurahan Jati', true],
    ['BPD', true],
    ['Posyandu', true],
    ['LSM Peduli Rakyat', false],
    ['Karang Taruna dan LSM Garuda', false],
    ['Yayasan Cahaya', false],
  ])('namesVillageBody(%s) = %s', (text, village) => {
    expect(namesVillageBody(text)).toBe(village);
  });
});

describe('the many ways of writing none', () => {
  it.each([[''], ['-'], ['--'], ['.'], ['tidak ada'], ['Tidak'], ['TDK'], ['nihil'], ['none'], ['N/A'], ['n.a.'], ['0'], ['belum ada'], ['Tidak berpartai'], ['Bukan anggota partai'], ['Non partai'], ['Netral'], ['000.'], ['- 0'], [' 00 '], ['Dalam proses'], ['masih diproses']])(
    '%j means none',
    (text) => {
      expect(isNone(text)).toBe(true);
    },
  );

  it.each([['PKB'], ['Golkar'], ['LSM Peduli'], ['197312112005011002'], ['Ada'], ['400/12/425.106/2025'], ['0812-3456-7890'], ['-01'], ['1 tidak ada']])('%j is a value', (text) => {
    expect(isNone(text)).toBe(false);
  });
});
