import { describe, expect, it } from 'vitest';
import { splitNumberDate, splitPlaceDate } from '../../src/core/roster/record.js';

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

describe('combined SK number and date', () => {
  it.each([
    ['140/12/SK/2024 tgl 12-11-2024', '140/12/SK/2024', '12-11-2024'],
    ['Nomor: 140/12/SK/2024, 12 November 2024', 'Nomor: 140/12/SK/2024', '12 November 2024'],
    ['No. 400/17/425.105/2025 Tanggal 1 Maret 2025', 'No. 400/17/425.105/2025', '1 Maret 2025'],
    ['Nomor 07 Tahun 2024, tanggal 3 Juni 2024', 'Nomor 07 Tahun 2024', '3 Juni 2024'],
    ['140/12/SK/2024 / 12-Nov-24', '140/12/SK/2024', '12-Nov-24'],
    ['140/12/SK/2024 (12/11/2024)', '140/12/SK/2024', '12/11/2024'],
    ['489/07/401.403.6/2014', '489/07/401.403.6/2014', undefined],
    ['140/12/SK/2024', '140/12/SK/2024', undefined],
    ['12 November 2024', undefined, '12 November 2024'],
    ['-', '-', undefined],
  ])('%j', (text, number, date) => {
    expect(splitNumberDate(text)).toEqual({ number, date });
  });
});
