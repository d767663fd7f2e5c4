import { describe, expect, it } from 'vitest';
import { closestHeading, headerKey, isHeadingText, matchHeader, matchHeading, parseMapOptions } from '../../src/core/roster/headers.js';

const none = { map: new Map(), remembered: new Map() };

describe('a heading goes to the field its words name', () => {
  it.each([
    // kim's own spellings, whole
    ['Nama KIM', 'kim_name', 'alias'],
    ['NAMA KIM', 'kim_name', 'alias'],
    ['  nama   kim ', 'kim_name', 'alias'],
    ['Desa/Kelurahan', 'village', 'alias'],
    ['Kelurahan/Desa', 'village', 'alias'],
    ['KELURAHAN', 'village', 'alias'],
    ['Kecamatan', 'district', 'alias'],
    ['Kec.', 'district', 'alias'],
    ['Kab/Kota', 'regency', 'alias'],
    ['No. SK', 'sk_number', 'alias'],
    ['Tgl SK', 'sk_date', 'alias'],
    ['TANGGAL SK', 'sk_date', 'alias'],
    ['Diketahui Lurah', 'acknowledged', 'alias'],
    ['NAMA', 'officer_name', 'alias'],
    ['Nama Pengurus', 'officer_name', 'alias'],
    ['Jabatan', 'role', 'alias'],
    ['NIK', 'nik', 'alias'],
    ['TTL', 'birth_place_date', 'alias'],
    ['Tempat, Tgl Lahir', 'birth_place_date', 'alias'],
    ['Tempat/Tanggal Lahir', 'birth_place_date', 'alias'],
    ['Tanggal Lahir', 'birth_date', 'alias'],
    ['Tempat Lahir', 'birth_place', 'alias'],
    ['JENIS KELAMIN', 'gender', 'alias'],
    ['L/P', 'gender', 'alias'],
    ['JK', 'gender', 'alias'],
    ['PEKERJAAN', 'occupation', 'alias'],
    ['PARTAI POLITIK', 'party', 'alias'],
    ['Parpol', 'party', 'alias'],
    ['No HP', 'phone', 'words'],
    ['Alamat', 'officer_address', 'alias'],
    ['Alamat Sekretariat', 'address', 'alias'],
    ['Nomor Induk Komunitas', 'community_number', 'alias'],
    // Words of other regions and other hands
    ['Nm. Lengkap', 'officer_name', 'alias'],
    ['Kapanewon', 'district', 'alias'],
    ['Kemantren', 'district', 'alias'],
    ['Distrik', 'district', 'alias'],
    ['Kalurahan', 'village', 'alias'],
    ['Pekon', 'village', 'alias'],
    ['Diketahui Kepala Pekon', 'acknowledged', 'words'],
    ['Diketahui Keuchik', 'acknowledged', 'words'],
    ['Diketahui Perbekel/Lurah', 'acknowledged', 'words'],
    ['Thn Terbentuk', 'founded_date', 'alias'],
    // "Kel." alone is a kelurahan; after "Jns" it is the sex.
    ['Jns Kel', 'gender', 'alias'],
    ['Jenis Kel.', 'gender', 'alias'],
    ['Jenkel', 'gender', 'alias'],
    ['Kel.', 'village', 'alias'],
    // Where an officer works: evidence for ADM-ASN, like the employment status.
    ['Asal Instansi', 'employment_status', 'alias'],
    ['Unit Kerja', 'employment_status', 'alias'],
    // English words of an English-locale form; counts and ages kim does not read.
    ['ID Number', 'nik', 'alias'],
    ['Jumlah Anggota', '_ignore', 'alias'],
    ['Usia', '_ignore', 'alias'],
    ['NO', '_ignore', 'alias'],
    ['No. Urut', '_ignore', 'alias'],
    ['Keterangan', 'notes', 'alias'],
    ['Ket.', 'notes', 'alias'],
    ['Catatan', 'notes', 'alias'],
    ['Status Kepegawaian', 'employment_status', 'alias'],
    ['NIP', 'nip', 'alias'],
    ['LSM', 'ngo', 'alias'],
    ['Ormas', 'ngo', 'alias'],
    // the clerk's own words
    ['Status ASN/Non ASN', 'employment_status', 'words'],
    ['Status (ASN/Non ASN)', 'employment_status', 'words'],
    ['Jabatan di KIM', 'role', 'alias'],
    ['Jabatan dlm KIM', 'role', 'alias'],
    ['Jabatan Dalam Kepengurusan', 'role', 'words'],
    ['Keanggotaan LSM/Ormas', 'ngo', 'words'],
    ['Penerbit Surat Keputusan', 'sk_issuer', 'alias'],
    ['SK Dikeluarkan Oleh', 'sk_issuer', 'words'],
    ['Pejabat Penandatangan SK', 'sk_issuer', 'words'],
    ['HP/WA', 'phone', 'words'],
    ['No. Telp/HP', 'phone', 'words'],
    ['Nomor WA Aktif', 'phone', 'words'],
    ['NIK (sesuai KTP)', 'nik', 'alias'],
    ['NIK (16 digit)', 'nik', 'alias'],
    ['No. KTP', 'nik', 'alias'],
    ['Jenis Kelamin (L/P)', 'gender', 'alias'],
    ['Partai Politik yang Diikuti', 'party', 'words'],
    ['Anggota Parpol (Ya/Tidak)', 'party', 'words'],
    ['Nama Anggota Pengurus', 'officer_name', 'words'],
    ['Nama Lengkap (dengan gelar)', 'officer_name', 'alias'],
    ['Nama Desa', 'village', 'words'],
    ['Nama Kecamatan', 'district', 'words'],
    ['Alamat KIM', 'address', 'alias'],
    ['Alamat Rumah (RT/RW)', 'officer_address', 'alias'],
    ['Nomor/Tanggal SK', 'sk_number_date', 'alias'],
    ['No. & Tgl SK Pembentukan', 'sk_number_date', 'words'],
    ['Nomor SK Pembentukan KIM', 'sk_number', 'words'],
    ['Tanggal SK Kepala Desa', 'sk_date', 'words'],
    ['Diketahui Kades/Lurah', 'acknowledged', 'words'],
    ['Diketahui Lurah/Kades', 'acknowledged', 'words'],
    ['PENGURUS DIKETAHUI LURAH', 'acknowledged', 'words'],
    ['Tgl Pembentukan', 'founded_date', 'alias'],
    ['Tahun Berdiri', 'founded_date', 'alias'],
    ['Nomor KIM', 'community_number', 'alias'],
    ['No. Registrasi KIM', 'community_number', 'words'],
    ['Pekerjaan Sehari-hari', 'occupation', 'words'],
    ['Pekerjaan Pokok', 'occupation', 'words'],
    ['NIP (bagi ASN)', 'nip', 'alias'],
    ['Organisasi yang Diikuti', 'ngo', 'words'],
    ['Tanda Tangan', '_ignore', 'alias'],
    ['Jabatan\ndalam KIM', 'role', 'alias'],
    ['Tempat/\nTgl. Lahir', 'birth_place_date', 'alias'],
    ['Nomor Induk Kependudukan', 'nik', 'alias'],
    ['Community name', 'kim_name', 'alias'],
    ['Political party', 'party', 'alias'],
  ])('%j → %s (%s)', (heading, field, how) => {
    const m = matchHeading(heading);
    expect({ field: m.field, how: m.how }).toEqual({ field, how });
  });
});

describe('a heading that is not clear is not placed, but its likely fields are named', () => {
  it.each([
    ['Anggota LSM/Partai', ['party', 'ngo']],
    ['Nama Ketua', ['officer_name']],
    ['Jabatan di Desa', ['role', 'village']],
  ])('%j', (heading, candidates) => {
    const m = matchHeading(heading);
    expect(m.field).toBeNull();
    expect([...m.candidates].sort()).toEqual([...candidates].sort());
  });

  it.each(['Pendidikan Terakhir', 'Status Perkawinan', 'Agama', 'Nama Ibu Kandung', 'Hobi', '', '(—)'])('%j is unknown', (heading) => {
    const m = matchHeading(heading);
    expect(m.field).toBeNull();
  });
});

describe('a heading wrapped in its cell', () => {
  it('is read and shown on one line', () => {
    const m = matchHeader(['Nama KIM', 'No. SK\nKepala Kampung', 'Nama'], none);
    expect(m.columns[1]).toMatchObject({ heading: 'No. SK Kepala Kampung', field: 'sk_number' });
  });
});

describe('sub-headings under a merged heading', () => {
  it.each([
    ['Nomor', 'SK Pembentukan', 'sk_number'],
    ['Tanggal', 'SK Pembentukan', 'sk_date'],
    ['Tgl', 'SK Kepala Desa', 'sk_date'],
    ['Tempat', 'Tempat/Tgl Lahir', 'birth_place'],
    ['Tanggal', 'Tempat/Tgl Lahir', 'birth_date'],
    ['Nama', 'Pengurus', 'officer_name'],
    ['Jabatan', 'Pengurus', 'role'],
    ['NIK', 'Data Pengurus', 'nik'],
    ['L/P', 'Pengurus', 'gender'],
    ['Nama', 'Identitas KIM', 'kim_name'],
    ['Alamat', 'Data KIM', 'address'],
    ['Alamat', 'Data Pengurus', 'officer_address'],
    ['Desa/Kel', 'Lokasi', 'village'],
    ['Partai', 'Afiliasi', 'party'],
    ['LSM', 'Afiliasi', 'ngo'],
    // A sub-heading that names both parts of a combined column itself is that column.
    ['TTL', 'Susunan Pengurus', 'birth_place_date'],
    ['Tempat, Tgl Lahir', 'Pengurus', 'birth_place_date'],
    ['Nomor/Tanggal', 'SK Kades', 'sk_number_date'],
    ['Nm. Lengkap', 'Susunan Pengurus', 'officer_name'],
    ['Jns Kel', 'Pengurus', 'gender'],
  ])('%j under %j → %s', (heading, parent, field) => {
    expect(matchHeading(heading, parent).field).toBe(field);
  });
});

describe('a header row', () => {
  it('reports unknown headings, keeps the better of a repeated field, ignores blank ones', () => {
    const m = matchHeader(['Nama KIM', 'Hobi', 'NIK', 'No. KTP', '', 'Nama'], none);
    expect(m.targets).toEqual(['kim_name', null, 'nik', null, null, 'officer_name']);
    expect(m.unknown).toEqual(['Hobi']);
    expect(m.duplicates).toEqual(['No. KTP']);
    expect(m.score).toBe(3);
  });

  it('gives a field to the surer of two headings, not the first', () => {
    const m = matchHeader(['Nama Kepala Desa', 'Nama KIM', 'Nama'], none);
    expect(m.targets).toEqual([null, 'kim_name', 'officer_name']);
  });

  it('--map and the remembered mapping come first, and say so', () => {
    const maps = { map: parseMapOptions(['Kolom Aneh=occupation']), remembered: new Map([[headerKey('Isian X'), 'party' as const]]) };
    const m = matchHeader(['Kolom  aneh', 'Isian X', 'Pekerjaan'], maps);
    expect(m.columns.map((c) => [c?.field, c?.how])).toEqual([['occupation', 'map'], ['party', 'remembered'], ['occupation', 'alias']]);
    expect(m.targets).toEqual(['occupation', 'party', null]);
    expect(() => parseMapOptions(['Kolom=hobby'])).toThrow();
    expect(() => parseMapOptions(['=nik'])).toThrow();
  });

  it('reads a two-row header: sub-headings under their merged parent', () => {
    const parents = ['No', 'Nama KIM', 'SK Pembentukan', '', 'Pengurus', '', ''];
    const m = matchHeader(['', '', 'Nomor', 'Tanggal', 'Nama', 'Jabatan', 'NIK'], none, parents);
    expect(m.targets).toEqual(['_ignore', 'kim_name', 'sk_number', 'sk_date', 'officer_name', 'role', 'nik']);
    expect(m.columns[2]?.heading).toBe('SK Pembentukan › Nomor');
  });

  it('names the heading that came closest to a missing field', () => {
    const m = matchHeader(['Nama KIM', 'Nama Ketua', 'NIK'], none);
    expect(m.targets).toEqual(['kim_name', null, 'nik']);
    expect(closestHeading(m, 'officer_name')).toBe('Nama Ketua');
    expect(closestHeading(matchHeader(['Hobi', 'NIK'], none), 'kim_name')).toBeNull();
  });
});

describe('heading vocabulary', () => {
  it.each([
    ['Nomor', true],
    ['Tanggal', true],
    ['Tempat', true],
    ['Jabatan', true],
    ['Imam Kusuma', false],
    ['KIM Maju Bersama', false],
    ['3574041112730101', false],
    ['Ketua', false],
  ])('%j: %s', (text, expected) => {
    expect(isHeadingText(text)).toBe(expected);
  });
});
