import { describe, expect, it } from 'vitest';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';

const skipped = (id: number, name: string, rules: string[]) => ({ community: { id, name }, rules });

describe('numbering the sample rosters of Kota Probolinggo', () => {
  it('numbers exactly the compliant KIMs, with the codes of their kelurahan, once the follow-up file fixes one', () => {
    const dir = tempDir();
    const env = { KIM_TODAY: '2025-10-14' };
    expect(kim(['init', '--regency', 'Kota Probolinggo'], { cwd: dir, env }).code).toBe(0);
    expect(kim(['import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir, env }).code).toBe(0);

    const first = kimJson(['number'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(first.json).toEqual({
      assigned: [{ community: { id: 1, name: 'KIM Kanigaran Bersinar' }, number: '35.74.04.1001.01' }],
      skipped: [
        skipped(2, 'KIM Mayangan Bahari', ['ADM-ASN']),
        skipped(3, 'KIM Sumber Informasi', ['ADM-PARTY']),
        skipped(4, 'KIM Kedopok Sehati', ['LEG-SK-MISSING']),
        skipped(5, 'KIM Triwung Cerdas', ['ADM-ROLES']),
        skipped(6, 'KIM Jati Mandiri', ['DAT-NIK']),
      ],
    });

    expect(kim(['import', fixture(dir, 'rosters/probolinggo_susulan_utf8bom.csv')], { cwd: dir, env }).code).toBe(0);
    const second = kimJson(['number'], { cwd: dir, env });
    expect(second.code).toBe(0);
    // Kedopok Sehati (Jrebeng Kulon) now has its SK; Ketapang Guyub is new and clean.
    expect(second.json.assigned).toEqual([
      { community: { id: 4, name: 'KIM Kedopok Sehati' }, number: '35.74.05.1001.01' },
      { community: { id: 7, name: 'KIM Ketapang Guyub' }, number: '35.74.01.1001.01' },
    ]);
    expect(second.json.skipped.map((s: { community: { id: number } }) => s.community.id)).toEqual([2, 3, 5, 6]);
  });
});
