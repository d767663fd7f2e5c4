import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kim, kimJson, tempDir } from './helpers/cli.js';

describe('the command-line frame', () => {
  it('prints help with examples and exits 0 when run without a terminal', () => {
    const r = kim([], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kim');
    expect(r.stdout).toContain('kim init --regency');
  });

  it.each([
    [['--lang', 'fr', 'init'], /Unknown language "fr"/],
    [['init', '--format', 'pdf'], /Format "pdf"/],
  ])('refuses bad usage %j with exit 2 and a sentence', (args, message) => {
    const r = kim(args, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // Commander words its own usage errors in English only; kim says them in the clerk's language.
  it.each([
    [['import', '--bogus', 'x.csv'], 'Galat: Opsi --bogus tidak dikenal.', 'Error: Unknown option --bogus.', 'kim import --help'],
    [['import', '--delimter', ';'], 'Opsi --delimter tidak dikenal. Maksudnya --delimiter?', 'Unknown option --delimter. Did you mean --delimiter?', 'kim import --help'],
    [['import', '--encoding'], 'Opsi --encoding <enc> perlu nilai.', 'The option --encoding <enc> needs a value.', 'kim import --help'],
    [['end', '1'], 'Opsi --reason <text> wajib diisi.', 'The option --reason <text> is required.', 'kim end --help'],
    [['show'], 'Argumen <community> wajib diisi.', 'The argument <community> is required.', 'kim show --help'],
    [['undo', '1', '2'], 'Terlalu banyak argumen: perintah ini menerima 1, diberi 2.', 'Too many arguments: this command takes 1, and got 2.', 'kim undo --help'],
    [['list', '--status', 'aktif'], '"aktif" bukan pilihan untuk --status <status>. Pilihan: numbered, unnumbered, compliant, noncompliant, ended.', '"aktif" is not a choice for --status <status>. Choose one of: numbered,', 'kim list --help'],
    [['export', 'kims'], '"kims" bukan pilihan untuk <what>. Pilihan: communities, officers.', '"kims" is not a choice for <what>. Choose one of: communities, officers.', 'kim export --help'],
    [['imprt', 'x.csv'], 'Perintah "imprt" tidak dikenal. Maksudnya import?', 'Unknown command "imprt". Did you mean import?', 'kim --help'],
    [['laporan'], 'Perintah "laporan" tidak dikenal.', 'Unknown command "laporan".', 'kim --help'],
    [['report', 'recp'], 'Perintah "recp" tidak dikenal. Maksudnya recap?', 'Unknown command "recp". Did you mean recap?', 'kim report --help'],
    [['report'], '`kim report` perlu perintah lanjutan: recap, findings.', '`kim report` needs one of its commands: recap, findings.', 'kim report --help'],
    [['help', 'imprt'], 'Perintah "imprt" tidak dikenal. Maksudnya import?', 'Unknown command "imprt". Did you mean import?', 'kim --help'],
    // The help pointed to is the command that stopped, however deep, not the first word that names one.
    [['config', 'set'], 'Argumen <key> wajib diisi.', 'The argument <key> is required.', 'kim config set --help'],
    [['report', 'recap', '--quarter'], 'Opsi --quarter <1-4> perlu nilai.', 'The option --quarter <1-4> needs a value.', 'kim report recap --help'],
    [['report', 'help', 'recp'], 'Perintah "recp" tidak dikenal. Maksudnya recap?', 'Unknown command "recp". Did you mean recap?', 'kim report --help'],
    [['--operator', 'check', 'imprt'], 'Perintah "imprt" tidak dikenal. Maksudnya import?', 'Unknown command "imprt". Did you mean import?', 'kim --help'],
  ])('%j is refused with exit 2 in Indonesian and in English', (args, id, en, help) => {
    const dir = tempDir();
    const inId = kim(['--lang', 'id', ...args], { cwd: dir });
    expect(inId.code).toBe(2);
    expect(inId.stderr).toContain(id);
    expect(inId.stderr).toContain(`Lihat \`${help}\``);
    expect(inId.stderr).not.toMatch(/\n\s+at |error:|unknown|required|invalid/);
    const inEn = kim(['--lang', 'en', ...args], { cwd: dir });
    expect(inEn.code).toBe(2);
    expect(inEn.stderr).toContain(en);
    expect(inEn.stderr).toContain(`See \`${help}\``);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['id', ['Pemakaian: kim import [opsi] <file...>', 'Opsi umum:', 'Argumen:', 'Opsi:', '(bawaan: "auto")', 'Contoh:'], /Usage|Options:|default:|\[options\]/],
    ['en', ['Usage: kim import [options] <file...>', 'Global Options:', 'Arguments:', 'Options:', '(default: "auto")', 'Examples:'], /Pemakaian|Opsi:|bawaan/],
  ])('kim import --help in %s has its headings and notes in that language', (lang, expected, foreign) => {
    const r = kim(['--lang', lang, 'import', '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    for (const text of expected) expect(r.stdout).toContain(text);
    expect(r.stdout).not.toMatch(foreign);
  });

  it('speaks Indonesian with --lang id', () => {
    const r = kim(['--lang', 'id', 'init', '--regency', 'Probolinggo'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cocok dengan beberapa wilayah');
  });

  // Errors come in the language the command speaks, however --lang was written.
  it.each([
    [['--lang', 'EN'], 'en', /does not exist/],
    [['--lang= id '], 'en', /tidak ada/],
    [['--lang', 'Id'], 'en', /tidak ada/],
    [['--lang', 'EN'], 'id', /does not exist/],
  ])('%j with KIM_LANG=%s gives its error in that language', (lang, env, message) => {
    const r = kim([...lang, 'import', 'nope.csv'], { cwd: tempDir(), env: { KIM_LANG: env } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('creates the database readable by its owner only and records the regency', () => {
    const dir = tempDir();
    const r = kimJson(['init', '--regency', 'Kota Probolinggo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json.regency).toEqual({ code: '35.74', name: 'Kota Probolinggo' });
    expect(r.json.districts).toBe(5);
    expect(fs.statSync(path.join(dir, 'kim.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('refuses a database written by a newer kim with exit 3', () => {
    const dir = tempDir();
    expect(kim(['init'], { cwd: dir }).code).toBe(0);
    const r0 = kim(['init'], { cwd: dir });
    expect(r0.code).toBe(0);
    // Bump the schema version as a future kim would.
    const db = new Database(path.join(dir, 'kim.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const r = kim(['init'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/newer kim/);
  });
});
