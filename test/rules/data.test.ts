import { afterAll, describe, expect, it } from 'vitest';
import type { OfficerSeed } from '../helpers/db.js';
import { check, cleanRoster, newDb } from './helpers.js';

const db = newDb();
afterAll(() => db.close());

const ketuaFindings = (rule: string, changes: Partial<OfficerSeed>) => check(db, {}, cleanRoster([changes])).filter((f) => f.rule === rule);

describe('data rules fire', () => {
  it.each([
    ['DAT-NIK', 'missing', 'nik', { nik: null }],
    ['DAT-NIK', 'scientific', 'nik', { nik: '3.57403E+15' }],
    ['DAT-NIK', 'length', 'nik', { nik: '357404170580001' }],
    ['DAT-NIK', 'length', 'nik', { nik: '35740417058000012' }],
    ['DAT-NIK', 'birthDate', 'nik', { nik: '3574043205800001' }],
    ['DAT-NIK', 'serialZero', 'nik', { nik: '3574041705800000' }],
    ['DAT-NIK-MISMATCH', 'birthDate', 'birth_date', { nik: '3574041805800001' }], // NIK 18-05-80, column 17-05-1980
    ['DAT-NIK-MISMATCH', 'birthDate', 'birth_date', { nik: '3574041705810001' }], // a year apart
    ['DAT-NIK-MISMATCH', 'sexNikMale', 'gender', { nik: '3574041705800001', sex: 'F', gender: 'P' }], // a woman's NIK needs day + 40
    ['DAT-NIK-MISMATCH', 'sexNikFemale', 'gender', { nik: '3574045705800001', sex: 'M', gender: 'L' }],
    ['DAT-PHONE', 'leadingZero', 'phone', { phone: '81343842806' }],
    ['DAT-PHONE', 'format', 'phone', { phone: '12345' }],
    ['DAT-PHONE', 'format', 'phone', { phone: '+1 415 555 2671' }],
  ])('%s (%s) for %j', (rule, reason, field, changes) => {
    expect(ketuaFindings(rule, changes)).toMatchObject([{ field, params: { reason } }]);
  });

  it('masks the NIK in the finding, also a mangled one', () => {
    const [f] = ketuaFindings('DAT-NIK', { nik: '3574041705800000' });
    expect(f!.value).toBe('3574************');
    expect(f!.officer!.nik).toBe('3574************');
    expect(ketuaFindings('DAT-NIK', { nik: '3.57403E+15' })[0]!.value).not.toContain('57403');
  });
});

describe('data rules stay silent', () => {
  it.each([
    ['DAT-NIK', { nik: '3574041705800001' }],
    ['DAT-NIK', { nik: '3574 0417 0580 0001' }],
    ['DAT-NIK-MISMATCH', { nik: '3574045705800001', sex: 'F', gender: 'P' }], // a woman, day + 40
    ['DAT-NIK-MISMATCH', { birth_date_iso: null, birth_date: 'tidak tahu' }], // nothing to compare
    ['DAT-NIK-MISMATCH', { sex: null, gender: null }],
    ['DAT-NIK-MISMATCH', { nik: '3.57403E+15' }], // DAT-NIK says it
    ['DAT-PHONE', { phone: null }], // a missing phone is not a wrong one
    ['DAT-PHONE', { phone: '-' }],
    ['DAT-PHONE', { phone: '0813-4384-2806' }],
    ['DAT-PHONE', { phone: '+62 813 4384 2806' }],
    ['DAT-PHONE', { phone: '(0335) 421234' }],
  ])('%s for %j', (rule, changes) => {
    expect(ketuaFindings(rule, changes)).toEqual([]);
  });
});
