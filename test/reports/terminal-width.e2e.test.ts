import { beforeAll, describe, expect, it } from 'vitest';
import { kim, sampleOffice, scratchDir } from '../helpers/cli.js';
import { kimInPty } from '../helpers/pty.js';

const env = { KIM_TODAY: '2026-01-10' };
const BOX = /[─│┌┐└┘├┤┬┴┼]/g;

/** The words a reader finds in a text, box-drawing and quote marks left aside. */
const words = (text: string) => text.replace(BOX, ' ').replace(/"|:(?=\s)/g, '').split(/\s+/).filter(Boolean);

/** A table's data without its column headings (between ┌ and ├), which a narrow layout replaces. */
const data = (text: string) => text.replace(/┌[^\n]*\n[\s\S]*?\n├[^\n]*\n/g, '');

const COMMANDS: [string, string[]][] = [
  ['the recap', ['report', 'recap', '--year', '2025', '--quarter', '4']],
  ['the recap in Indonesian', ['report', 'recap', '--year', '2025', '--quarter', '4', '--lang', 'id']],
  ['list', ['list']],
  ['validate', ['validate']],
  ['validate in Indonesian', ['validate', '--lang', 'id']],
  ['config list', ['config', 'list']],
];

describe('tables on a terminal fit its width', () => {
  const dir = scratchDir('kim-width-');
  beforeAll(() => {
    sampleOffice(dir, env);
    expect(kim(['number'], { cwd: dir, env }).code).toBe(0);
  });

  for (const cols of [80, 100, 160]) {
    it.each(COMMANDS)(`%s at ${cols} columns: no line wider, every word of the piped output still there`, (_name, args) => {
      const piped = kim(args, { cwd: dir, env });
      expect(piped.code).toBeLessThan(2);
      const r = kimInPty(args, { cwd: dir, env, steps: [], cols });
      expect(r.error).toBeNull();
      expect(r.code).toBe(piped.code);
      const lines = r.screen.split('\n');
      expect(lines.filter((line) => [...line].length > cols)).toEqual([]);
      const shown = new Set(words(r.screen));
      expect(words(data(piped.stdout)).filter((w) => !shown.has(w))).toEqual([]);
      expect(r.screen).not.toContain('…');
    });
  }

  it('keeps full rows in a pipe, and --format output as it was', () => {
    const table = kim(['report', 'recap', '--year', '2025', '--quarter', '4'], { cwd: dir, env }).stdout;
    // One table, thirteen columns: the row of a district is one line.
    expect(table.split('\n').filter((line) => line.includes('Kademangan'))).toEqual([expect.stringMatching(/^│ Kademangan +│ +6 │.*│ +\d+ (\(\+\d+\) )?│$/)]);
    const csv = kim(['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'csv'], { cwd: dir, env }).stdout;
    expect(csv.split('\n')[0]).toBe('District,Villages,With KIM,Coverage %,KIMs,With SK,Numbered,Compliant,New,Ended,Officers,Male,Female');
  });
});
