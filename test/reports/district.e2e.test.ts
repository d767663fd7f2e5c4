import { beforeAll, describe, expect, it } from 'vitest';
import { kim, kimJson, tempDir } from '../helpers/cli.js';
import { writeRaw } from '../helpers/roster.js';

// KIMs whose village was recognised but whose district was not (left blank, a name no district
// has, or another district): each belongs to its village's district, Kanigaran, in every command alike.
describe('a KIM placed by its village only', () => {
  const dir = tempDir();
  beforeAll(() => {
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const roster = writeRaw(
      dir,
      'r.csv',
      'Nama KIM,Kecamatan,Desa/Kelurahan,Nama Pengurus,NIK\n' +
        'KIM Tanpa Kecamatan,,Tisnonegaran,Budi,3574041212900001\n' +
        'KIM Salah Kecamatan,Kecamatan Antah,Tisnonegaran,Ani,3574045212900002\n' +
        'KIM Lain Kecamatan,Mayangan,Tisnonegaran,Tono,3574041212900003\n',
    );
    expect(kim(['import', roster], { cwd: dir }).code).toBe(0);
  });
  const names = ['KIM Lain Kecamatan', 'KIM Salah Kecamatan', 'KIM Tanpa Kecamatan'];

  it.each([
    ['validate --district', () => kimJson(['validate', '--district', 'Kanigaran'], { cwd: dir }).json.findings.map((f: { community: { name: string } }) => f.community.name)],
    ['list --district', () => kimJson(['list', '--district', 'Kanigaran'], { cwd: dir }).json.map((c: { name: string }) => c.name)],
    ['report findings --district', () => kimJson(['report', 'findings', '--district', 'Kanigaran'], { cwd: dir }).json.rows.map((r: { community: { name: string } }) => r.community.name)],
  ])('%s finds both', (_, names_) => {
    expect([...new Set(names_() as string[])].sort()).toEqual(names);
  });

  it('export and show name the district of the village', () => {
    const exported = kimJson(['export', 'communities'], { cwd: dir }).json as { name: string; district: string; districtCode: string }[];
    expect(exported.map((c) => [c.name, c.district, c.districtCode]).sort()).toEqual(names.map((n) => [n, 'Kanigaran', '35.74.04']));
    expect(kim(['show', 'KIM Tanpa Kecamatan'], { cwd: dir }).stdout).toContain('Kanigaran');
  });
});
