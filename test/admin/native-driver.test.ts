import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kim, ROOT, scratchDir, testEnv } from '../helpers/cli.js';

/**
 * kim installed as a package whose better-sqlite3 has no compiled part: what `npm ci` leaves when
 * npm blocks the driver's install script. Every other package is the real one (linked).
 */
function packageWithoutDriverBuild(dir: string): string {
  const copy = path.join(dir, 'kim-package');
  for (const part of ['bin', 'dist', 'data']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
  const modules = path.join(copy, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name === 'better-sqlite3' || name.startsWith('.')) continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  const driver = path.join(ROOT, 'node_modules/better-sqlite3');
  fs.cpSync(driver, path.join(modules, 'better-sqlite3'), { recursive: true, filter: (src) => !src.startsWith(path.join(driver, 'build')) });
  return copy;
}

describe('a missing native SQLite driver', () => {
  const dir = scratchDir('kim-driver-');

  it('is reported as itself, with the command that fixes it, and exit 3; the database is not blamed', () => {
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const copy = packageWithoutDriverBuild(dir);
    for (const args of [['list'], ['init'], ['--lang', 'id', 'validate']]) {
      const r = spawnSync(process.execPath, [path.join(copy, 'bin/kim.js'), ...args], { cwd: dir, env: testEnv({ CI: 'true' }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain('npm rebuild better-sqlite3');
      expect(r.stderr).toContain(copy);
      expect(r.stderr).not.toMatch(/Cannot open the database|Could not locate|Tidak dapat membuka/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Nothing was touched: the real kim still reads the file.
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
  });
});
