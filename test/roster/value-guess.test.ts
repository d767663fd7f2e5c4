import { describe, expect, it } from 'vitest';
import type { ColumnTarget } from '../../src/core/roster/fields.js';
import { likelyFields } from '../../src/core/roster/value-guess.js';

/** A roster that already has every column the rules need but these. */
const allBut = (...missing: ColumnTarget[]): Set<ColumnTarget> =>
  new Set((['kim_name', 'officer_name', 'role', 'nik', 'occupation', 'party', 'ngo', 'acknowledged', 'sk_number', 'sk_date', 'sk_issuer'] as ColumnTarget[]).filter((f) => !missing.includes(f)));

describe('the fields the desk offers first for a heading it could not place', () => {
  it.each([
    ['what the heading half said comes first', ['officer_name'], ['Budi', 'Ani'], allBut('officer_name'), 'officer_name'],
    ['16-digit values are a NIK', [], ['3574041212900001', '3574045212900002'], allBut('nik'), 'nik'],
    ['L and P are the sex', [], ['L', 'P', 'L'], allBut(), 'gender'],
    ['Ketua, Sekretaris… are the role', [], ['Ketua', 'Sekretaris', 'Anggota'], allBut('role'), 'role'],
    ['phone numbers', [], ['081234567890', '0857 1234 5678'], allBut(), 'phone'],
    ['dates are a birth date', [], ['12/11/1980', '05-03-1998'], allBut(), 'birth_date'],
    ['otherwise what the rules still lack', [], ['Wiraswasta', 'Guru PNS'], allBut('occupation'), 'occupation'],
  ])('%s', (_why, candidates, samples, taken, first) => {
    expect(likelyFields(candidates as ColumnTarget[], samples, taken)[0]).toBe(first);
  });

  it('never offers a field another column feeds, nor "left out"', () => {
    const offered = likelyFields(['_ignore', 'nik'], ['3574041212900001'], new Set<ColumnTarget>(['nik']));
    expect(offered).not.toContain('nik');
    expect(offered).not.toContain('_ignore');
  });
});
