import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kim, kimJson, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRoster } from '../helpers/roster.js';
import { databaseBytes, STACK_LINE, startKim } from './processes.js';

const SAMPLES = ['probolinggo_excel_cp1252.csv', 'probolinggo_susulan_utf8bom.csv'].map((f) => path.join(FIXTURES, 'rosters', f));
const PLACES = [
  ['Kanigaran', 'Sukoharjo'], ['Kanigaran', 'Curahgrinting'], ['Mayangan', 'Mangunharjo'], ['Mayangan', 'Wiroborang'],
  ['Wonoasih', 'Pakistaji'], ['Wonoasih', 'Kedunggaleng'], ['Kedopok', 'Kareng Lor'], ['Kademangan', 'Pilang'],
];
const FILES = 4;
const KIMS_PER_FILE = 80;
const OFFICERS_PER_KIM = 10;
const ROWS_PER_FILE = KIMS_PER_FILE * OFFICERS_PER_KIM;

/** Roster k: its own KIMs, spread over eight villages, and its own NIKs (birth day 10+k). */
function roster(dir: string, k: number): { file: string; niks: string[] } {
  const rows = [HEADER];
  const niks: string[] = [];
  const day = String(10 + k);
  for (let j = 0; j < KIMS_PER_FILE; j++) {
    const [district, village] = PLACES[j % PLACES.length]!;
    for (let n = 1; n <= OFFICERS_PER_KIM; n++) {
      const nik = `357404${day}1290${String(j * OFFICERS_PER_KIM + n).padStart(4, '0')}`;
      niks.push(nik);
      rows.push(officer(n, {
        'Nama KIM': `KIM Serentak ${k}-${j}`, Kecamatan: district!, 'Desa/Kelurahan': village!,
        'Nama Pengurus': `Pengurus ${k}-${j}-${n}`, NIK: nik, 'Tanggal Lahir': `${day}/12/1990`,
      }));
    }
  }
  return { file: writeRoster(dir, `desa-${k}.csv`, rows), niks };
}

const officersIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM officers`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('several kim processes on one database at once', () => {
  it('all finish with their normal exit codes, waiting for each other, and the data stays whole', async () => {
    const dir = tempDir('kim-concurrent-');
    const dbFile = path.join(dir, 'kim.sqlite');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    // The samples carry known rule errors, so validate exits 1 whatever the order of the others.
    expect(kim(['import', ...SAMPLES], { cwd: dir }).code).toBe(0);
    const base = officersIn(dbFile);
    const rosters = Array.from({ length: FILES }, (_, k) => roster(dir, k));

    const env = { KIM_TODAY: '2025-10-14', KIM_BUSY_TIMEOUT: '60000' };
    const jobs: [string[], number][] = [
      ...rosters.map((r, k): [string[], number] => [['import', r.file, '--format', 'json', '--operator', `desk-${k}`], 0]),
      [['validate', '--format', 'json'], 1],
      [['number', '--format', 'json', '--operator', 'numbering-1'], 0],
      [['number', '--format', 'json', '--operator', 'numbering-2'], 0],
      [['export', 'officers', '--format', 'json', '--out', 'officers.json'], 0],
      [['export', 'communities', '--format', 'csv'], 0],
      [['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'json'], 0],
      [['list', '--format', 'json'], 0],
      [['backup', 'copy.sqlite'], 0],
    ];
    const runs = await Promise.all(jobs.map(([args]) => startKim(args, dir, env).done));
    runs.forEach((r, i) => {
      const args = jobs[i]![0].join(' ');
      expect({ args, code: r.code, stack: STACK_LINE.test(r.stderr), internal: /Internal error/.test(r.stderr) }, r.stderr).toEqual({
        args, code: jobs[i]![1], stack: false, internal: false,
      });
    });

    // Every officer of every file is there exactly once.
    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare(`SELECT nik, count(*) AS n FROM officers GROUP BY nik`).all() as { nik: string; n: number }[];
    const times = new Map(stored.map((s) => [s.nik, s.n]));
    for (const r of rosters) expect(r.niks.filter((nik) => times.get(nik) !== 1)).toEqual([]);
    expect(officersIn(dbFile)).toBe(base + FILES * ROWS_PER_FILE);
    expect(db.prepare(`SELECT count(*) FROM batches`).pluck().get()).toBe(1 + FILES);
    db.close();

    // Numbers given by two processes while imports ran: never one number twice.
    const given = runs.slice(FILES + 1, FILES + 3).flatMap((r) => JSON.parse(r.stdout).assigned as { community: { id: number }; number: string }[]);
    expect(new Set(given.map((g) => g.number)).size).toBe(given.length);
    expect(new Set(given.map((g) => g.community.id)).size).toBe(given.length);
    // Numbering the rest afterwards leaves every compliant KIM with its own number.
    expect(kim(['number'], { cwd: dir, env }).code).toBe(0);
    const after = new Database(dbFile, { readonly: true });
    const numbers = after.prepare(`SELECT number FROM communities WHERE number IS NOT NULL`).pluck().all() as string[];
    expect(numbers.length).toBeGreaterThanOrEqual(FILES * KIMS_PER_FILE);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(after.prepare(`SELECT count(*) FROM numbers`).pluck().get()).toBe(numbers.length);
    after.close();

    // Readers saw one consistent moment: the samples plus some whole files, never part of one.
    const possible = Array.from({ length: FILES + 1 }, (_, n) => base + n * ROWS_PER_FILE);
    const exported = JSON.parse(fs.readFileSync(path.join(dir, 'officers.json'), 'utf8')) as unknown[];
    expect(possible).toContain(exported.length);
    expect(possible).toContain(officersIn(path.join(dir, 'copy.sqlite')));
    expect(kim(['check', '--db', 'copy.sqlite'], { cwd: dir }).code).toBe(0);
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
  });
});

describe('a database held locked past the timeout', () => {
  const LOCKED = /^Error: The database .*kim\.sqlite stayed locked by another process too long\. .*KIM_BUSY_TIMEOUT.*Nothing was changed\.\n$/;

  it('gives exit 3 with the sentence, not a stack trace, after waiting the timeout; nothing changed', () => {
    const dir = tempDir('kim-locked-');
    const dbFile = path.join(dir, 'kim.sqlite');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    expect(kim(['import', SAMPLES[0]!], { cwd: dir }).code).toBe(0);
    expect(kim(['validate'], { cwd: dir }).code).toBe(1);
    const before = databaseBytes(dbFile);
    const env = { KIM_BUSY_TIMEOUT: '300' };
    const holder = new Database(dbFile);
    holder.exec('BEGIN IMMEDIATE');
    try {
      for (const args of [['import', SAMPLES[1]!, '--format', 'json'], ['validate'], ['number'], ['config', 'set', 'rules.LEG-SK-ISSUER.enabled', 'false']]) {
        const started = Date.now();
        const r = kim(args, { cwd: dir, env });
        expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 3, stdout: '' });
        expect(r.stderr).toMatch(LOCKED);
        expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      }
      // --debug adds the stack for a bug report, after the same sentence.
      const debug = kim(['validate', '--debug'], { cwd: dir, env });
      expect(debug.code).toBe(3);
      expect(debug.stderr).toMatch(/^Error: The database .* stayed locked/);
      expect(debug.stderr).toMatch(STACK_LINE);
      // Commands that only read are not held up by a writer (WAL). The views of compliance are
      // readers here because the results are fresh; stale ones they would bring up to date first.
      for (const args of [['list'], ['show', 'KIM Kanigaran Bersinar'], ['report', 'findings'], ['export', 'officers'], ['batches'], ['log'], ['check']]) {
        expect({ args, code: kim(args, { cwd: dir, env }).code }).toEqual({ args, code: 0 });
      }
    } finally {
      holder.exec('ROLLBACK');
    }
    // A lock that keeps even readers out: reading commands give the same exit 3 and sentence.
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      for (const args of [['list'], ['export', 'officers']]) {
        const r = kim(args, { cwd: dir, env });
        expect({ args, code: r.code }).toEqual({ args, code: 3 });
        expect(r.stderr).toMatch(LOCKED);
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(databaseBytes(dbFile)).toBe(before);
    // Once the lock is gone the same import goes through as the second batch.
    const after = kimJson(['import', SAMPLES[1]!], { cwd: dir });
    expect({ code: after.code, batch: after.json.batch }).toEqual({ code: 0, batch: 2 });
  });
});
