import { describe, expect, it } from 'vitest';
import { nikBirthDate, nikDateText, parseNik } from '../../src/core/ids/nik.js';

describe('parseNik', () => {
  it.each([
    // text, sex, DD-MM-YY, region
    ['3574041112730101', 'M', '11-12-73', '357404'],
    ['3574044401970103', 'F', '04-01-97', '357404'], // a woman: 44 = 4 + 40
    ['3574045602010105', 'F', '16-02-01', '357404'],
    ['1606017101900001', 'F', '31-01-90', '160601'], // 71 is a woman's 31st
    ['1606012902000001', 'M', '29-02-00', '160601'], // 29 Feb 2000 was a leap day
    ['1606016902840002', 'F', '29-02-84', '160601'], // a woman born 29 Feb 1984
    ['3574 0411 1273 0101', 'M', '11-12-73', '357404'], // grouped for reading
    ["'3574041112730101", 'M', '11-12-73', '357404'], // Excel's text marker
  ])('reads %s', (text, sex, date, region) => {
    const r = parseNik(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nik.sex).toBe(sex);
    expect(nikDateText(r.nik)).toBe(date);
    expect(r.nik.region).toBe(region);
  });

  it.each([
    ['', 'missing'],
    [null, 'missing'],
    ['3.57403E+15', 'scientific'],
    ['1.60601E+15', 'scientific'],
    ['3,57403E+15', 'scientific'], // Indonesian decimal comma
    ['3.574041112730e15', 'scientific'],
    ['357404111273010', 'length'], // 15 digits
    ['35740411127301011', 'length'], // 17 digits
    ['3574O41112730101', 'notDigits'], // letter O for zero
    ["''3574041112730101", 'notDigits'], // Excel's text marker is one quote, not two
    ['3574040012730101', 'birthDate'], // day 00
    ['3574043212730101', 'birthDate'], // day 32: neither a man's nor a woman's
    ['3574044012730101', 'birthDate'], // day 40
    ['3574047212730101', 'birthDate'], // day 72: past a woman's 31st
    ['3574041113730101', 'birthDate'], // month 13
    ['3574041100730101', 'birthDate'], // month 00
    ['3574042902730101', 'birthDate'], // 29 Feb 1973: not a leap year
    ['3574046902730101', 'birthDate'], // the same for a woman
    ['3574043104730101', 'birthDate'], // 31 April
    ['3574041112730000', 'serialZero'], // cut to 15 digits by a spreadsheet
  ])('rejects %s as %s', (text, problem) => {
    const r = parseNik(text);
    expect(r).toMatchObject({ ok: false, problem });
  });

  it('counts the digits of a NIK of the wrong length', () => {
    expect(parseNik('357404111273010')).toEqual({ ok: false, problem: 'length', digits: 15 });
  });
});

describe('nikBirthDate', () => {
  it.each([
    ['3574041112730101', '2026-11-23', '1973-12-11'],
    ['3574045602010105', '2026-11-23', '2001-02-16'],
    ['3574041112250101', '2026-11-23', '2025-12-11'], // the latest century that is not in the future
    ['3574041112260101', '2026-11-23', '1926-12-11'],
    ['1606012902000001', '2026-11-23', '2000-02-29'],
  ])('%s on %s was born %s', (text, today, iso) => {
    const r = parseNik(text);
    expect(r.ok && nikBirthDate(r.nik, today)).toBe(iso);
  });
});
