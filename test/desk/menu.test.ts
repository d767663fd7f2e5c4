import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choose, ctrlC, esc, type } from './fake-prompts.js';
import { withSampleImported, world } from './world.js';

describe('the desk menu', () => {
  it('says which database and regency it works on and how many KIMs have open problems', async () => {
    const w = world();
    await withSampleImported(w);
    const { code, prompts } = await w.desk([choose('Exit')]);
    expect(code).toBe(0);
    expect(w.stdout.text).toContain(`Database: ${w.dbFile}`);
    expect(w.stdout.text).toContain('Regency: Kota Probolinggo (35.74)');
    expect(w.stdout.text).toContain('Active KIMs: 6 · with open problems: 5 (5 with errors)');
    expect(prompts.lastChoices).toEqual(['Import a roster', 'Review problems', 'Assign numbers', 'Quarterly recap', 'Find a KIM', 'Undo an import', 'Back up', 'Settings', 'Exit']);
    expect(w.stdout.text.trimEnd().endsWith('Goodbye.')).toBe(true);
  });

  it('speaks Indonesian when the clerk does', async () => {
    const w = world({ lang: 'id' });
    const { prompts } = await w.desk([choose('Keluar')]);
    expect(prompts.asked).toEqual(['Apa yang akan dikerjakan?']);
    expect(prompts.lastChoices).toEqual(['Impor daftar pengurus', 'Tinjau masalah', 'Beri nomor induk', 'Rekap triwulan', 'Cari KIM', 'Batalkan impor', 'Cadangkan', 'Pengaturan', 'Keluar']);
    expect(w.stdout.text).toContain('KIM aktif: 0 · dengan masalah terbuka: 0 (0 dengan galat)');
  });

  it('works before the first database exists, and creates none just by opening', async () => {
    const w = world({ database: false });
    const { code, prompts } = await w.desk([esc, choose('Exit')]);
    expect(code).toBe(0);
    expect(prompts.asked[0]).toBe('Office regency (name or code, e.g. Kota Probolinggo or 35.74):');
    expect(w.stdout.text).toContain('The regency is not set. Set it under Settings › Office regency before importing');
    expect(w.stdout.text).toContain('not created yet');
    expect(fs.existsSync(w.dbFile)).toBe(false);
  });

  it('leaves with exit 0 on Ctrl-C', async () => {
    const w = world();
    const { code } = await w.desk([ctrlC]);
    expect(code).toBe(0);
    expect(w.stdout.text).toContain('Goodbye.');
  });

  it('shows a failing step as the command would, and stays open', async () => {
    const w = world({ database: false });
    const { code, prompts } = await w.desk([esc, choose('Find a KIM'), type('Jati'), choose('Exit')]);
    expect(code).toBe(0);
    // Said from the desk: the menu entry to choose, not a command to type.
    expect(w.stderr.text).toMatch(/^Error: There is no database at .* yet\. Choose "Import a roster" to start/m);
    expect(prompts.asked.filter((q) => q === 'What would you like to do?')).toHaveLength(2);
  });
});
