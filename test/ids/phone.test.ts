import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/core/ids/phone.js';

describe('parsePhone', () => {
  it.each([
    ['081343842806', ['+6281343842806']],
    ['0813-4384-2806', ['+6281343842806']],
    ['0812 345 678', ['+62812345678']], // 10 digits, the shortest mobile
    ['0812345678901', ['+62812345678901']], // 13 digits, the longest
    ['+62 813 4384 2806', ['+6281343842806']],
    ['+62-813-4384-2806', ['+6281343842806']],
    ['6281343842806', ['+6281343842806']], // the "+" lost in a spreadsheet
    ['+62 0813 4384 2806', ['+6281343842806']], // a common slip
    ['(0335) 421234', ['+62335421234']], // a landline with its area code
    ['021-5551234', ['+62215551234']],
    ['081343842806 / 085712345678', ['+6281343842806', '+6285712345678']],
    ['0812 3456 7890 (WA)', ['+6281234567890']],
    ["'081298765432", ['+6281298765432']],
    ['HP: 0812-3456-7890', ['+6281234567890']],
    ['WA 081234567890', ['+6281234567890']],
    ['0812 3456 7890 (WA aktif)', ['+6281234567890']],
    ['081343842806 (HP) / 085712345678 (WA)', ['+6281343842806', '+6285712345678']],
  ])('accepts %s', (text, numbers) => {
    expect(parsePhone(text)).toEqual({ ok: true, numbers });
  });

  it.each([
    ['81343842806', 'leadingZero'],
    ['0812345', 'format'], // too short
    ['08123456789012', 'format'], // 14 digits
    ['+1 415 555 2671', 'format'], // not Indonesian
    ['+60 12 345 6789', 'format'], // Malaysia
    ['0813-4384-28o6', 'format'],
    ['081343842806 / 12345', 'format'], // one bad number in the cell
    ['WA', 'format'],
    ['(WA)', 'format'],
  ])('rejects %s as %s', (text, problem) => {
    expect(parsePhone(text)).toMatchObject({ ok: false, problem });
  });

  it('treats a blank cell as no number, not a wrong one', () => {
    expect(parsePhone('  ')).toBeNull();
  });
});
