import { describe, expect, it } from 'vitest';
import { OFFICER_VALUE_COLUMNS, officerValues, officerValuesAt } from '../../src/core/import/columns.js';
import type { RosterRecord } from '../../src/core/roster/fields.js';

// The reading thread sends officers' values flat, in OFFICER_VALUE_COLUMNS order, and the
// import's thread reads them back with officerValuesAt: the two must agree column by column.
const records: RosterRecord[] = [
  { officer_name: 'Siti Aminah', nik: '3574045609850002', role: 'Ketua', birth_place: 'Probolinggo', birth_date: '16/09/1985', gender: 'P', occupation: 'Petani', nip: '-', party: 'Tidak ada', ngo: '', phone: '081234567890', officer_address: 'Jl. Mawar 1' },
  { officer_name: 'Budi', nik: '3574.0411.1273.0101', birth_date: '14 Juni 2023', gender: 'L' },
  { officer_name: 'Ani' },
];

describe('officer values sent flat between threads', () => {
  it.each(records.map((r, i) => [i, r] as const))('record %i reads back equal, with the columns in the same order', (_i, record) => {
    const values = officerValues(record);
    const flat = ['padding', ...OFFICER_VALUE_COLUMNS.map((c) => values[c])];
    const back = officerValuesAt(flat, 1);
    expect(back).toEqual(values);
    expect(Object.keys(back)).toEqual([...OFFICER_VALUE_COLUMNS]);
  });
});
