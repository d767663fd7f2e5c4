import { describe, expect, it } from 'vitest';
import { headerKey, matchHeader, parseMapOptions } from '../../src/core/roster/headers.js';
import { splitPlaceDate } from '../../src/core/roster/record.js';

describe('header aliases', () => {
  it.each([
    ['Nama KIM', 'kim_name'],
    ['NAMA KIM', 'kim_name'],
    ['  nama   kim ', 'kim_name'],
    ['Desa/Kelurahan', 'village'],
    ['KELURAHAN', 'village'],
    ['Kecamatan', 'district'],
    ['No. SK', 'sk_number'],
    ['NOMOR SK LURAH', 'sk_number'],
    ['Tgl SK', 'sk_date'],
    ['TANGGAL SK', 'sk_date'],
    ['PENGURUS DIKETAHUI LURAH', 'acknowledged'],
    ['Diketahui Lurah', 'acknowledged'],
    ['NAMA', 'officer_name'],
    ['Nama Pengurus', 'officer_name'],
    ['Jabatan', 'role'],
    ['NIK', 'nik'],
    ['TTL', 'birth_place_date'],
    ['Tempat, Tgl Lahir', 'birth_place_date'],
    ['Tanggal Lahir', 'birth_date'],
    ['JENIS KELAMIN', 'gender'],
    ['L/P', 'gender'],
    ['PEKERJAAN', 'occupation'],
    ['PARTAI POLITIK', 'party'],
    ['No HP', 'phone'],
    ['NO. TELP/HP', 'phone'],
    ['Alamat', 'officer_address'],
    ['Alamat Sekretariat', 'address'],
    ['Nomor Induk Komunitas', 'community_number'],
    ['NO', '_ignore'],
  ])('%j → %s', (heading, field) => {
    expect(matchHeader([heading], new Map()).targets[0]).toBe(field);
  });

  it('reports unknown headings, keeps the first of a repeated one, ignores blank ones', () => {
    const m = matchHeader(['Nama KIM', 'Keterangan', 'NIK', 'nik', '', 'Nama'], new Map());
    expect(m.targets).toEqual(['kim_name', null, 'nik', null, null, 'officer_name']);
    expect(m.unknown).toEqual(['Keterangan']);
    expect(m.duplicates).toEqual(['nik']);
    expect(m.score).toBe(3);
  });

  it('--map adds a heading, and refuses an unknown field', () => {
    const extra = parseMapOptions(['Kolom Aneh=occupation']);
    expect(matchHeader(['Kolom  aneh'], extra).targets[0]).toBe('occupation');
    expect(() => parseMapOptions(['Kolom=hobby'])).toThrow();
    expect(() => parseMapOptions(['=nik'])).toThrow();
  });

  it('compares headings without case, space or punctuation', () => {
    expect(headerKey(' No. Telp / HP ')).toBe(headerKey('notelphp'));
  });
});

describe('combined place and date of birth', () => {
  it.each([
    ['Probolinggo, 11-12-1973', 'Probolinggo', '11-12-1973'],
    ['Probolinggo 11/12/1973', 'Probolinggo', '11/12/1973'],
    ['Kota Probolinggo, 2 Agustus 1990', 'Kota Probolinggo', '2 Agustus 1990'],
    ['Probolinggo', 'Probolinggo', undefined],
    ['Probolinggo, kemarin', 'Probolinggo', 'kemarin'],
  ])('%j', (text, place, date) => {
    expect(splitPlaceDate(text)).toEqual({ place, date });
  });
});
