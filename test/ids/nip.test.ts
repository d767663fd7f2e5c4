import { describe, expect, it } from 'vitest';
import { parseNip } from '../../src/core/ids/nip.js';

describe('parseNip', () => {
  it.each([
    ['197312112005011002', '1973-12-11', '2005-01', 'M'],
    ['19850214 201001 2 003', '1985-02-14', '2010-01', 'F'],
    ['19850214.201001.2.003', '1985-02-14', '2010-01', 'F'],
  ])('reads %s', (text, birthDate, appointed, sex) => {
    expect(parseNip(text)).toMatchObject({ ok: true, nip: { birthDate, appointed, sex } });
  });

  it.each([
    ['', 'missing'],
    ['PNS', 'notDigits'],
    ['19731211200501100', 'length'], // 17 digits
    ['1973121120050110022', 'length'], // 19 digits
    ['197302302005011002', 'birthDate'], // 30 February
    ['197312112005131002', 'appointment'], // month 13
    ['197312111960011002', 'appointment'], // appointed before birth
    ['197312112005013002', 'sex'], // sex digit 3
  ])('rejects %s as %s', (text, problem) => {
    expect(parseNip(text)).toMatchObject({ ok: false, problem });
  });
});
