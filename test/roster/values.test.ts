import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate, yearsIn } from '../../src/core/ids/date.js';
import { communityKey, personKey } from '../../src/core/ids/names.js';
import { parseAcknowledged, parseSex } from '../../src/core/ids/values.js';
import { nikKey, parseNik } from '../../src/core/ids/nik.js';

describe('parseDate: the forms clerks write', () => {
  // A two-digit year takes the century that keeps the date out of the future.
  beforeAll(() => {
    process.env.KIM_TODAY = '2025-12-31';
  });

  it.each([
    ['14/06/2023', '2023-06-14'],
    ['14-06-2023', '2023-06-14'],
    ['14.06.2023', '2023-06-14'],
    ['2023-06-14', '2023-06-14'],
    ['14 Juni 2023', '2023-06-14'],
    ['14 Jun 2023', '2023-06-14'],
    ['14 JUNI 2023', '2023-06-14'],
    ['2 Agustus 2025', '2025-08-02'],
    ['2 Agt 2025', '2025-08-02'],
    ['2 Ags 2025', '2025-08-02'],
    ['17 Okt 2020', '2020-10-17'],
    ['5 Des 2019', '2019-12-05'],
    ['1 Mei 2024', '2024-05-01'],
    ['10 Pebruari 2001', '2001-02-10'],
    ['3 Nopember 1999', '1999-11-03'],
    ['14 June 2023', '2023-06-14'],
    ['Senin, 14 Juni 2023', '2023-06-14'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2023', null],
    ['00/01/2023', null],
    ['14/13/2023', null],
    ['2023', null],
    ['14 Juno 2023', null],
    ['', null],
    ['06/14/2023', null],
    // as Excel writes them (today is pinned to 2025-12-31 below)
    ['12-Nov-24', '2024-11-12'],
    ['12-Nop-24', '2024-11-12'],
    ['5-Agu-23', '2023-08-05'],
    ['5-Agt-2023', '2023-08-05'],
    ['1-Okt-25', '2025-10-01'],
    ['24-Des-99', '1999-12-24'],
    ['3-Mei-10', '2010-05-03'],
    ['12/11/24', '2024-11-12'],
    ['05/03/98', '1998-03-05'],
    ['31/12/25', '2025-12-31'],
    ['01/01/26', '1926-01-01'],
    ['45292', '2024-01-01'],
    ['45292.0', '2024-01-01'],
    ['36526', '2000-01-01'],
    ['2024-11-12 00:00:00', '2024-11-12'],
    ['2024-11-12T00:00:00.000Z', '2024-11-12'],
    ['12/11/2024 0:00', '2024-11-12'],
    ['12/11/2024 12:30 PM', '2024-11-12'],
    ['Selasa, 12 November 2024', '2024-11-12'],
    // An English-locale Excel: the month first, as a word
    ['Nov 12, 2024', '2024-11-12'],
    ['November 12, 2024', '2024-11-12'],
    ['Tuesday, November 12, 2024', '2024-11-12'],
    ['Feb 3, 2025', '2025-02-03'],
    ['Selasa, 12-11-2024', '2024-11-12'],
    ["'12/11/2024", '2024-11-12'],
    ['9999', null],
    ['123', null],
    ['99999', null],
    ['12-Foo-24', null],
    ['31-Feb-24', null],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('finds the years in an SK number', () => {
    expect(yearsIn('400/89/425.106/2025')).toEqual([2025]);
    expect(yearsIn('140/12/SK/2023')).toEqual([2023]);
    expect(yearsIn('489/07/401.403.6')).toEqual([]);
  });
});

describe('values written many ways', () => {
  it.each([
    ['L', 'M'], ['l', 'M'], ['Laki-laki', 'M'], ['LAKI LAKI', 'M'], ['Pria', 'M'],
    ['P', 'F'], ['Perempuan', 'F'], ['WANITA', 'F'], ['W', 'F'],
    ['', null], ['?', null], ['X', null],
  ])('sex %j → %s', (text, sex) => expect(parseSex(text)).toBe(sex));

  it.each([
    ['Sudah', true], ['Ya', true], ['ya', true], ['Y', true], ['✓', true], ['14/06/2023', true], ['Sudah diketahui', true],
    ['Belum', false], ['Tidak', false], ['-', false], ['', false],
    ['mungkin', null],
  ])('acknowledged %j → %s', (text, ack) => expect(parseAcknowledged(text)).toBe(ack));

  it.each([
    ['3574041112730101', '3574041112730101'],
    ['3574 0411 1273 0101', '3574041112730101'],
    ['3574.0411.1273.0101', '3574041112730101'],
    ['3574-0411-1273-0101', '3574041112730101'],
    ["'3574041112730101", '3574041112730101'],
    ['0012345678901234', '0012345678901234'],
    ['3.57403E+15', null],
    ['1.60601E+15', null],
    ['', null],
  ])('NIK key %j → %s', (nik, key) => expect(nikKey(nik)).toBe(key));

  // The key an officer is matched and checked for duplicates by is the number DAT-NIK accepts.
  it.each([['3574 0411 1273 0101'], ['3574.0411.1273.0101'], ['3574-0411-1273-0101'], ["'3574041112730101"]])(
    'NIK %j has the key of the NIK the rules read',
    (nik) => {
      const parsed = parseNik(nik);
      expect(parsed.ok && parsed.nik.digits).toBe(nikKey(nik));
    },
  );

  it.each([
    ['KIM Maju Bersama', 'maju bersama'],
    ['Maju  Bersama', 'maju bersama'],
    ['KOMUNITAS INFORMASI MASYARAKAT Maju Bersama', 'maju bersama'],
    ['KIM', 'kim'],
  ])('community key %j → %j', (name, key) => expect(communityKey(name)).toBe(key));

  it('person keys ignore accents, apostrophes and case', () => {
    expect(personKey('Siti Mu’awanah')).toBe(personKey("SITI MU'AWANAH"));
    expect(personKey('Siti Mu’awanah')).toBe('siti muawanah');
  });
});
