import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kim, scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';
import { startKim, type Running } from './processes.js';

/** kim's hidden temporaries in a folder: `.<name>.<pid>.tmp`, and what SQLite leaves beside one. */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => /^\..*\.\d+\.tmp(-journal|-wal|-shm)?$/.test(f));

/** Waits until the temporary of `target` appears while `run` writes it; fails if kim ends first. */
async function temporaryOf(run: Running, target: string): Promise<string> {
  const dir = path.dirname(target);
  for (;;) {
    const found = leftovers(dir).find((f) => f.startsWith(`.${path.basename(target)}.${run.child.pid}.tmp`));
    if (found) return found;
    if (run.child.exitCode !== null) throw new Error(`kim ended (exit ${run.child.exitCode}) before its temporary was seen`);
    await new Promise((r) => setImmediate(r));
  }
}

/** Kills the process with SIGKILL as soon as its temporary appears: nothing it does can clean up. */
async function killOnceWriting(run: Running, target: string): Promise<string> {
  const found = await temporaryOf(run, target);
  run.child.kill('SIGKILL');
  await run.done;
  return found;
}

describe('temporary files', () => {
  const dir = scratchDir('kim-temporaries-');
  const out = path.join(dir, 'out');
  // The register of this account's temporaries, kept in the test's folder.
  const env = { KIM_STATE_DIR: path.join(dir, 'state') };
  const run = (args: string[]) => kim(args, { cwd: dir, env });

  beforeAll(() => {
    fs.mkdirSync(out);
    expect(run(['init', '--regency', '35.74']).code).toBe(0);
    expect(run(['import', generatedRoster(dir, 60_000), '--quiet']).code).toBe(0);
  }, 120_000);

  it('left by an export and a backup killed with SIGKILL are removed by the next command, whatever it is', async () => {
    const exportTarget = path.join(out, 'pengurus.csv');
    const exported = await killOnceWriting(startKim(['export', 'officers', '--out', exportTarget], dir, env), exportTarget);
    expect(exported).toMatch(/^\.pengurus\.csv\.\d+\.tmp$/);
    expect(leftovers(out)).toContain(exported);
    // The backup is the next command: it removes the export's leftover as it starts.
    const backupTarget = path.join(out, 'cadangan.sqlite');
    const backup = await killOnceWriting(startKim(['backup', backupTarget], dir, env), backupTarget);
    expect(backup).toMatch(/^\.cadangan\.sqlite\.\d+\.tmp/);
    expect(leftovers(out)).not.toContain(exported);
    expect(leftovers(out)).toContain(backup);

    expect(run(['rules']).code).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'state', 'temporaries'))).toEqual([]);
  }, 60_000);

  it('are removed by the command itself when it is stopped by Ctrl-C or SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const target = path.join(out, 'p.json');
      const exporting = startKim(['export', 'officers', '--format', 'json', '--out', target], dir, env);
      await temporaryOf(exporting, target);
      exporting.child.kill(signal);
      const ended = await exporting.done;
      expect(ended.signal).toBe(signal);
      expect(leftovers(out)).toEqual([]);
      expect(fs.existsSync(path.join(out, 'p.json'))).toBe(false);
    }
  }, 60_000);

  it('of a running kim, and files kim did not name, are left alone', async () => {
    // Named like kim's, but no kim process wrote it down: somebody else's file.
    const stranger = path.join(out, '.laporan.csv.999999.tmp');
    fs.writeFileSync(stranger, 'not kim’s');
    const target = path.join(out, 'lama.csv');
    const exporting = startKim(['export', 'officers', '--out', target], dir, env);
    await temporaryOf(exporting, target);
    // Another desk's command while the export runs: the export's temporary is not stale.
    expect(run(['rules']).code).toBe(0);
    const ended = await exporting.done;
    expect(ended.code, ended.stderr).toBe(0);
    expect(fs.statSync(path.join(out, 'lama.csv')).size).toBeGreaterThan(1_000_000);
    expect(fs.readFileSync(stranger, 'utf8')).toBe('not kim’s');
    fs.rmSync(stranger);
  }, 60_000);
});
