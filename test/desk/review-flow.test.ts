import { beforeEach, describe, expect, it } from 'vitest';
import { choose, ctrlC, type, yes } from './fake-prompts.js';
import { withSampleImported, world, type World } from './world.js';

const back = choose('← Back');
const exit = choose('Exit');
/** Opens one KIM from the list of KIMs with problems. */
const open = (kim: string) => [choose('Review problems'), choose(kim)];

describe('review and fix', () => {
  let w: World;
  beforeEach(async () => {
    w = world();
    await withSampleImported(w);
  });

  it('lists the KIMs with problems by kecamatan, and shows one in plain words', async () => {
    const { prompts } = await w.desk([...open('KIM Mayangan Bahari'), back, back, exit]);
    expect(prompts.asked).toContain('5 KIMs with open problems. Open which one?');
    expect(w.stdout.text).toMatch(/KIM Mayangan Bahari\nDistrict Mayangan, village Jati · number: \(none yet\)\nSK 400\/99\/425\.106\/2025, dated 27 Agustus 2025/);
    expect(w.stdout.text).toContain('✗ ADM-ASN  Hadi Wibowo: The occupation shows an ASN: "PNS".');
  });

  it('fixes the ASN officer: the field the problem points at is offered first, the problem is gone at once', async () => {
    const { prompts } = await w.desk([...open('KIM Mayangan Bahari'), choose('Fix: Hadi Wibowo'), choose('occupation: PNS Dinas Pendidikan'), type('Guru Honorer'), back, back, exit]);
    expect(prompts.defaults).toContain('occupation');
    expect(w.stdout.text).toContain('occupation: "PNS Dinas Pendidikan" → "Guru Honorer"');
    expect(w.stdout.text).toMatch(/Problems solved:\n +✓ ADM-ASN +Hadi Wibowo/);
    expect(w.stdout.text).toContain('KIM Mayangan Bahari has no problems left');
    expect(w.query(`SELECT occupation FROM officers WHERE name = 'Hadi Wibowo'`)).toEqual([{ occupation: 'Guru Honorer' }]);
    expect(w.query(`SELECT operator, action FROM audit_log WHERE action = 'officer.edit'`)).toEqual([{ operator: 'desk-clerk', action: 'officer.edit' }]);
    expect(w.query(`SELECT compliant FROM communities WHERE name = 'KIM Mayangan Bahari'`)).toEqual([{ compliant: 1 }]);
    // Back in the list, the KIM is no longer there.
    expect(prompts.asked.filter((q) => q.endsWith('Open which one?'))).toEqual(['5 KIMs with open problems. Open which one?', '4 KIMs with open problems. Open which one?']);
  });

  it('checks a value as it is typed: a NIK mangled again is refused with a sentence, the right one taken', async () => {
    const { prompts } = await w.desk([...open('KIM Jati Mandiri'), choose('Fix: Sulastri Purnomo'), choose('NIK:'), type('3.57403E+15', '35740348098201', '3574034809820133'), back, back, exit]);
    expect(prompts.refused).toEqual([expect.stringContaining('scientific notation'), expect.stringContaining('has 14 digits')]);
    expect(w.query(`SELECT nik FROM officers WHERE name = 'Sulastri Purnomo'`)).toEqual([{ nik: '3574034809820133' }]);
    expect(w.stdout.text).toMatch(/✓ DAT-NIK/);
  });

  it("fills the KIM's missing SK number", async () => {
    const { prompts } = await w.desk([...open('KIM Kedopok Sehati'), choose('Fix: No SK number'), choose('SK number:'), type('400/17/425.105/2025'), back, back, exit]);
    expect(prompts.defaults).toContain('skNumber');
    expect(w.query(`SELECT sk_number FROM communities WHERE name = 'KIM Kedopok Sehati'`)).toEqual([{ sk_number: '400/17/425.105/2025' }]);
    expect(w.query(`SELECT action FROM audit_log WHERE action = 'community.edit'`)).toHaveLength(1);
    expect(w.stdout.text).toMatch(/✓ LEG-SK-MISSING/);
  });

  it('gives a missing role to an officer the clerk picks', async () => {
    const { prompts } = await w.desk([...open('KIM Triwung Cerdas'), choose('Fix: '), choose('Dwi Wibowo'), choose('role:'), type('Sekretaris'), back, back, exit]);
    expect(prompts.asked).toContain('Which officer?');
    expect(prompts.defaults).toContain('role');
    expect(w.query(`SELECT role FROM officers WHERE name = 'Dwi Wibowo'`)).toEqual([{ role: 'Sekretaris' }]);
    expect(w.stdout.text).toMatch(/✓ ADM-ROLES/);
  });

  it("ends a party member's term, refusing a date after today, going back on an empty reason, after a confirmation", async () => {
    const { prompts } = await w.desk([
      ...open('KIM Sumber Informasi'), choose('Fix: Wahyu Prasetyo'), choose('End the term'), type('01/02/2026', '31/12/2025'), type(''),
      choose('End the term'), type('31/12/2025'), type('Mengundurkan diri'), yes, back, back,
      choose('Review problems'), back, exit,
    ]);
    expect(prompts.refused).toEqual([expect.stringContaining('after today (2026-01-10)')]);
    expect(prompts.asked.filter((q) => q === 'Which of the data of Wahyu Prasetyo?')).toHaveLength(2);
    expect(prompts.asked).toContain('End the term of Wahyu Prasetyo on 31/12/2025?');
    expect(w.query(`SELECT ended_at, end_reason FROM officers WHERE name = 'Wahyu Prasetyo'`)).toEqual([{ ended_at: '2025-12-31', end_reason: 'Mengundurkan diri' }]);
    expect(w.query(`SELECT a.action, c.action AS kind FROM changes c JOIN audit_log a ON a.id = c.audit_id`)).toEqual([{ action: 'officer.end', kind: 'end' }]);
    expect(w.stdout.text).toMatch(/✓ ADM-PARTY/);
  });

  it('changes nothing when the clerk presses Ctrl-C while typing a value', async () => {
    const before = w.query(`SELECT * FROM officers ORDER BY id`);
    const { code } = await w.desk([...open('KIM Mayangan Bahari'), choose('Fix: Hadi Wibowo'), choose('occupation:'), ctrlC]);
    expect(code).toBe(0);
    expect(w.query(`SELECT * FROM officers ORDER BY id`)).toEqual(before);
    expect(w.query(`SELECT count(*) AS n FROM audit_log WHERE action LIKE '%.edit'`)).toEqual([{ n: 0 }]);
  });

  it('says so when no KIM has problems left', async () => {
    const fixes = [
      [...open('KIM Mayangan Bahari'), choose('Fix: '), choose('occupation:'), type('Wiraswasta'), back],
      [choose('Jati Mandiri'), choose('Fix: '), choose('NIK:'), type('3574034809820133'), back],
      [choose('Kedopok Sehati'), choose('Fix: '), choose('SK number:'), type('400/17/425.105/2025'), back],
      [choose('Triwung Cerdas'), choose('Fix: '), choose('Dwi Wibowo'), choose('role:'), type('Sekretaris'), back],
      [choose('Sumber Informasi'), choose('Fix: '), choose('political party:'), type('-'), back],
    ].flat();
    await w.desk([...fixes, exit]);
    expect(w.stdout.text).toContain('No KIM has open problems.');
    expect(w.stdout.text).toContain('Active KIMs: 6 · with open problems: 0 (0 with errors)');
  });
});
