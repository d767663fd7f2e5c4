import { describe, expect, it } from 'vitest';
import type { ColumnMatch } from '../../src/core/roster/headers.js';
import type { ColumnTarget } from '../../src/core/roster/fields.js';
import { ColumnSampler } from '../../src/core/roster/value-check.js';

const column = (heading: string, field: ColumnTarget): ColumnMatch => ({ heading, key: heading, field, how: 'words', status: 'mapped', score: 1, candidates: [] });

function suspects(field: ColumnTarget, values: string[]) {
  const sampler = new ColumnSampler([column('Kolom', field)]);
  for (const v of values) sampler.take([v]);
  return sampler.suspects().map((s) => s.looksLike);
}

describe("a column whose values are not what its heading says", () => {
  it.each([
    ['village', ['L', 'P', 'L', 'L'], ['gender']],
    ['occupation', ['Ketua', 'Sekretaris', 'Bendahara', 'Anggota'], ['role']],
    ['nik', ['081234567890', '085298765432', '0812-3456-7890'], ['phone']],
    ['sk_number', ['12/11/2024', '03-06-2024', '45292'], ['birth_date']],
    ['phone', ['3574010101600001', '3574014101600002', '3574010101600003'], ['nik']],
  ] as [ColumnTarget, string[], string[]][])('%s of %j looks like %j', (field, values, shape) => {
    expect(suspects(field, values)).toEqual(shape);
  });

  it.each([
    ['gender', ['L', 'P', 'L']],
    ['sk_date', ['12/11/2024', '03-06-2024', '45292']],
    ['founded_date', ['2019', '12-11-2019', '45292']],
    ['village', ['Ketapang', 'Jati', 'Sukabumi']],
    // Too few values to say anything, and a mix fits no one shape.
    ['village', ['L', 'P']],
    ['occupation', ['Ketua', 'Petani', 'Guru']],
    ['nip', ['3574010101600001', '197203151998031006', '3574014101600002']],
  ] as [ColumnTarget, string[]][])('%s of %j is as its heading says', (field, values) => {
    expect(suspects(field, values)).toEqual([]);
  });
});
