import { describe, expect, it } from 'vitest';
import { parseDetails, summariseDetails } from '../../src/core/audit/details.js';
import { maskNiksInText } from '../../src/core/ids/mask.js';

describe('audit details', () => {
  it.each([
    ['3574041112730101', '3574************'],
    ['NIK 3574041112730101 diganti 3574050703800119', 'NIK 3574************ diganti 3574************'],
    ['no HP 081343842806', 'no HP 081343842806'],
    ['17 digits 35740411127301011 stay', '17 digits 35740411127301011 stay'],
    ['batch 7', 'batch 7'],
  ])('masks NIKs in %j', (text, masked) => expect(maskNiksInText(text)).toBe(masked));

  it.each([
    [null, null],
    ['', null],
    ['{"rows":10}', { rows: 10 }],
    // Past 2^53: the masked digits must be the real ones, not JSON.parse's rounding.
    ['{"nik":9471011507990009}', { nik: '9471************' }],
    ['[9471011507990009, 1]', ['9471************', 1]],
    ['3574041112730101', '3574************'],
    ['not json 3574041112730101', 'not json 3574************'],
  ])('parses %j', (raw, parsed) => expect(parseDetails(raw)).toEqual(parsed));

  it.each([
    [{ regency: '35.74' }, 80, 'regency: 35.74'],
    [{ from: 0, to: 1, files: ['a.csv'] }, 80, 'from: 0; to: 1; files: ["a.csv"]'],
    [{ file: '/a/very/long/path/to/a/backup.sqlite' }, 20, 'file: /a/very/long/…'],
    ['plain', 80, 'plain'],
    [null, 80, ''],
  ])('summarises %j in one line', (details, width, line) => expect(summariseDetails(details, width)).toBe(line));
});
