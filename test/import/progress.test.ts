import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// The compiled reading thread, as `kim import` starts it (npm test compiles first).
import { readRosterInThread } from '../../dist/core/import/parse-thread.js';
import { scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';

describe('the reading thread reports progress', () => {
  const dir = scratchDir('kim-progress-');

  it('with every batch, never going back, up to the whole file', async () => {
    const file = generatedRoster(dir, 40_000);
    const size = fs.statSync(file).size;
    const seen: number[] = [];
    let rows = 0;
    await readRosterInThread(
      { file, encoding: 'auto', delimiter: 'auto', maps: { map: [], remembered: [] } },
      { begin: () => {}, row: () => void rows++, reject: () => {}, bytes: (b) => void seen.push(b) },
    );
    expect(rows).toBe(40_000);
    expect(seen.length).toBeGreaterThan(10);
    // A batch that began and ended inside one chunk of the file used to say 0 bytes.
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1]!)).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(size);
  }, 60_000);
});
