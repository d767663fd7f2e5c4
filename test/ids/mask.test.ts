import { describe, expect, it } from 'vitest';
import { maskNik, maskNiksInText } from '../../src/core/ids/mask.js';

describe('maskNik', () => {
  it.each([
    ['3574041112730101', '3574************'],
    ['  3574041112730101 ', '3574************'],
    // Excel's text marker is no part of the NIK
    ["'3574041112730101", '3574************'],
    ['3574.0411.1273.0101', '3574***************'],
    ['357404111273010', '3574***********'],
    ['3.57404E+15', '***********'],
    ['1234', '****'],
    ['', ''],
    [null, null],
  ])('masks %j as %j: nothing of the birth date or serial', (nik, masked) => expect(maskNik(nik)).toBe(masked));
});

describe('maskNiksInText', () => {
  it.each([
    ['Ketua NIK 3574 0411 1273 0102 pindah', 'Ketua NIK 3574 **** **** **** pindah'],
    ['NIK 3574.0411.1273.0102', 'NIK 3574.****.****.****'],
    ['357404-111273-0102', '3574**-******-****'],
    ['NIK 3574041112730102 2025', 'NIK 3574************ 2025'],
    ['12-10-2025 3574041112730102', '12-10-2025 3574************'],
    ['3574041112730102, 3574041112730103', '3574************, 3574************'],
    ['rekap-3574041112730102.csv', 'rekap-3574************.csv'],
    ['NIK 3574  0411 1273  0102', 'NIK 3574  **** ****  ****'],
    ['NIK ３５７４０４１１１２７３０１０２', 'NIK 3574************'],
    // Not NIKs: an 18-digit NIP in its groups, a phone number, 17 digits, an SK number, a year.
    ['NIP 19720315 199803 1 006', 'NIP 19720315 199803 1 006'],
    ['HP 0812-3456-7890', 'HP 0812-3456-7890'],
    ['35740411127301020', '35740411127301020'],
    ['SK 489/07/401.403.6/2014', 'SK 489/07/401.403.6/2014'],
    ['batch 7, 2025', 'batch 7, 2025'],
  ])('%j → %j', (text, masked) => expect(maskNiksInText(text)).toBe(masked));
});
