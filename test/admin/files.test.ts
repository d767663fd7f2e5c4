import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateTemporary, writeFileAtomic, writeViaTemporary } from '../../src/files.js';
import { fileSink } from '../../src/ui/render/sink.js';
import { tempDir } from '../helpers/cli.js';

// A crash can leave this process's temporary name behind (same pid after a reboot), readable by all.
function staleTemporary(file: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, 'old rows');
  fs.chmodSync(tmp, 0o644);
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('files kim writes over a stale temporary file', () => {
  const writers: [string, (file: string) => Promise<void>][] = [
    ['writeFileAtomic (rejects, reports)', async (file) => writeFileAtomic(file, 'new')],
    ['writeViaTemporary (xlsx)', (file) => writeViaTemporary(file, async (tmp) => fs.appendFileSync(tmp, 'new'))],
    [
      'fileSink (exports)',
      async (file) => {
        const sink = fileSink(file);
        await sink.write('new');
        await sink.close();
      },
    ],
  ];

  it.each(writers)('%s: owner-only, only the new bytes, no temporary left', async (_label, write) => {
    const dir = tempDir('kim-files-');
    const file = path.join(dir, 'out.csv');
    staleTemporary(file);
    await write(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('privateTemporary gives an empty owner-only file', () => {
    const dir = tempDir('kim-files-');
    const file = path.join(dir, 'x.sqlite');
    staleTemporary(file);
    const tmp = privateTemporary(file);
    expect(fs.readFileSync(tmp, 'utf8')).toBe('');
    expect(mode(tmp)).toBe(0o600);
  });
});
