import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kim, tempDir } from '../helpers/cli.js';
import { csvText, HEADER } from '../helpers/roster.js';

const env = { KIM_TODAY: '2026-01-10' };

/** Kota Probolinggo's districts with one village each, as a roster names them, and their codes. */
const PLACES = [
  { district: 'Kademangan', village: 'Triwung Lor', code: '357401' },
  { district: 'Wonoasih', village: 'Sumber Taman', code: '357402' },
  { district: 'Mayangan', village: 'Sukabumi', code: '357403' },
  { district: 'Kanigaran', village: 'Tisnonegaran', code: '357404' },
  { district: 'Kedopok', village: 'Jrebeng Kulon', code: '357405' },
];

interface Person {
  nik: string;
  birth: string;
  female: boolean;
  place: (typeof PLACES)[number];
}

/** A real-shaped NIK: region of the KIM's district, birth date (+40 for a woman), serial 0001–9999. */
const person = fc
  .record({
    place: fc.constantFrom(...PLACES),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 1950, max: 2005 }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ place, day, month, year, female, serial }): Person => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return {
      nik: `${place.code}${pad(day + (female ? 40 : 0))}${pad(month)}${pad(year % 100)}${pad(serial, 4)}`,
      birth: `${pad(day)}/${pad(month)}/${year}`,
      female,
      place,
    };
  });

/** A NIK as a clerk may type it into a reason: whole, or in groups split by spaces, dots or dashes. */
const typed = (nik: string, how: number) =>
  [nik, `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`, `${nik.slice(0, 4)}.${nik.slice(4, 8)}.${nik.slice(8, 12)}.${nik.slice(12)}`, `${nik.slice(0, 6)}-${nik.slice(6, 12)}-${nik.slice(12)}`][how % 4]!;

/**
 * What an attacker holding the output cannot have: the NIK whole, its birth date and serial
 * together (the region is in the village code anyway), or its serial after a masked part. Digits
 * split by spaces, dots or dashes are read together, as a person would.
 */
function recovered(text: string, nik: string): string | null {
  const joined = text.replace(/(?<=\d)[ .-](?=\d)/g, '');
  if (joined.includes(nik)) return 'whole';
  if (joined.includes(nik.slice(6))) return 'birth date and serial';
  if (new RegExp(`\\*{4,}${nik.slice(12)}(?!\\d)`).test(joined)) return 'serial after stars';
  return null;
}

async function xlsxText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

/** Every output of kim that can name an officer or hold free text, in every format it has. */
function outputs(dir: string, communities: number): string[][] {
  const formats = (args: string[], fmts: string[]) => fmts.map((f) => [...args, '--format', f]);
  return [
    ...formats(['list'], ['table', 'json', 'csv']),
    // The first KIM (numbered, then its number revoked) and the last (an ASN officer, ended).
    ...formats(['show', '1'], ['table', 'json', 'md']),
    ...formats(['show', String(communities)], ['table', 'json', 'md']),
    ...formats(['validate'], ['table', 'json', 'csv']),
    ...formats(['report', 'findings'], ['table', 'json', 'csv', 'md']),
    ...formats(['export', 'officers'], ['csv', 'json']),
    ['export', 'officers', '--excel'],
    ...formats(['export', 'communities'], ['csv', 'json']),
    ...formats(['log', '--limit', '1000'], ['table', 'json', 'csv']),
    ...formats(['batches'], ['table', 'json', 'csv']),
    ['export', 'officers', '--format', 'xlsx', '--out', path.join(dir, 'o.xlsx'), '--yes'],
    ['export', 'communities', '--format', 'xlsx', '--out', path.join(dir, 'c.xlsx'), '--yes'],
    ['report', 'findings', '--format', 'xlsx', '--out', path.join(dir, 'f.xlsx'), '--yes'],
  ];
}

describe('no NIK can be rebuilt from what kim prints, exports or logs', () => {
  it('random officers, every output and format, reasons and file names holding NIKs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(person, { minLength: 8, maxLength: 24, selector: (p) => p.nik }), fc.nat(), async (people, seed) => {
        const dir = tempDir('kim-mask-');
        const run = (args: string[]) => kim(args, { cwd: dir, env });
        expect(run(['init', '--regency', '35.74']).code).toBe(0);
        // Four officers a KIM, the KIM in the place of its first officer; the roster named after a NIK.
        const rows = people.map((p, i) => {
          const kimIndex = Math.floor(i / 4);
          const place = people[kimIndex * 4]!.place;
          const cells: Record<string, string> = {
            'Nama KIM': `KIM Uji ${kimIndex + 1}`, Kecamatan: place.district, 'Desa/Kelurahan': place.village,
            'No. SK': `400/${kimIndex + 1}/425.106/2025`, 'Tgl SK': '14/06/2025', 'Diketahui Lurah': 'Ya',
            'Nama Pengurus': `Orang ${i + 1}`, Jabatan: ['Ketua', 'Sekretaris', 'Bendahara', 'Anggota'][i % 4]!,
            NIK: p.nik, 'Tanggal Lahir': p.birth, 'L/P': p.female ? 'P' : 'L',
            // An ASN officer in the last KIM: findings name an officer; KIM 1 stays compliant and gets a number.
            Pekerjaan: i === people.length - 1 ? 'Guru PNS' : 'Petani',
          };
          return HEADER.map((h) => cells[h] ?? '');
        });
        const roster = path.join(dir, `${people[0]!.nik}.csv`);
        fs.writeFileSync(roster, csvText([HEADER, ...rows]));
        expect(run(['import', roster]).code).toBe(0);
        expect(run(['validate']).code).toBeLessThan(2);
        expect(run(['number']).code).toBe(0);
        const communities = Math.ceil(people.length / 4);
        // Reasons naming another officer's NIK, typed whole or grouped.
        const named = (k: number) => people[(seed + k) % people.length]!.nik;
        expect(run(['end', String(communities), '--reason', `Ketua NIK ${typed(named(1), seed)} pindah`]).code).toBe(0);
        expect(run(['edit', 'officer', '2', '--end', '--reason', `diganti NIK ${typed(named(2), seed + 1)}`]).code).toBeLessThan(2);
        expect(run(['number', '--revoke', '1', '--reason', `SK ganda, lihat NIK ${typed(named(3), seed + 2)}`]).code).toBe(0);

        const leaks: string[] = [];
        for (const args of outputs(dir, communities)) {
          const r = run(args);
          expect(r.code, `kim ${args.join(' ')}: ${r.stderr}`).toBeLessThan(2);
          const out = args.includes('--out') ? await xlsxText(args[args.indexOf('--out') + 1]!) : r.stdout;
          for (const p of people) {
            const how = recovered(out + r.stderr, p.nik);
            if (how) leaks.push(`kim ${args.join(' ')}: ${p.nik} (${how})`);
          }
        }
        // Nothing stored outside the officers' own NIK column holds one either.
        const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
        const stored = [
          ...(db.prepare(`SELECT details FROM audit_log`).pluck().all() as string[]),
          ...(db.prepare(`SELECT end_reason FROM communities UNION ALL SELECT end_reason FROM officers UNION ALL SELECT reason FROM numbers`).pluck().all() as string[]),
        ].join('\n');
        db.close();
        for (const p of people) if (recovered(stored, p.nik)) leaks.push(`stored in the log or a reason: ${p.nik}`);
        fs.rmSync(dir, { recursive: true, force: true });
        expect(leaks).toEqual([]);
      }),
      // Each run is a whole office's work: a few runs, and no shrinking (the counterexample is printed).
      { numRuns: 3, endOnFailure: true },
    );
  }, 240_000);
});

/** A database with KIM Maju's three officers (NIKs 3574041112730101–03), and kim to run in it. */
function kimMaju(): (args: string[]) => ReturnType<typeof kim> {
  const dir = tempDir('kim-mask-');
  const run = (args: string[]) => kim(args, { cwd: dir, env });
  expect(run(['init', '--regency', '35.74']).code).toBe(0);
  const rows = [1, 2, 3].map((n) => HEADER.map((h) => ({ 'Nama KIM': 'KIM Maju', Kecamatan: 'Kanigaran', 'Desa/Kelurahan': 'Tisnonegaran', 'Nama Pengurus': `Orang ${n}`, NIK: `357404111273010${n}` })[h] ?? ''));
  fs.writeFileSync(path.join(dir, 'r.csv'), csvText([HEADER, ...rows]));
  expect(run(['import', 'r.csv']).code).toBe(0);
  return run;
}

describe('NIKs a clerk types', () => {
  it('into an end reason, grouped with spaces, are masked in the log, show and both exports', () => {
    const run = kimMaju();
    expect(run(['end', '1', '--reason', 'Ketua NIK 3574 0411 1273 0102 pindah']).code).toBe(0);
    for (const args of [['log'], ['log', '--format', 'json'], ['show', '1'], ['show', '1', '--format', 'json'], ['export', 'communities'], ['export', 'communities', '--format', 'json'], ['export', 'officers']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.stdout.replace(/(?<=\d) (?=\d)/g, ''), `kim ${args.join(' ')}`).not.toContain('3574041112730102');
    }
    expect(run(['show', '1']).stdout).toContain('Ketua NIK 3574 **** **** **** pindah');
  });

  it('mistyped into kim edit, or into a phone or a remark, are masked in the refusal and in show’s history', () => {
    const run = kimMaju();
    // A digit too many: the refusal would otherwise hold the whole NIK.
    for (const typed of ['35740411127301029', '3574 0411 1273 010', '357404111273010']) {
      const r = run(['edit', 'officer', 'Orang 2', '--nik', typed]);
      expect(r.code).toBe(2);
      expect(r.stderr.replace(/\D/g, ''), typed).not.toMatch(/41112730/);
    }
    expect(run(['edit', 'officer', 'Orang 1', '--phone', '3574041112730101', '--notes', 'KTP 3574041112730101']).code).toBeLessThan(2);
    for (const args of [['show', '1'], ['show', '1', '--format', 'json']]) {
      expect(run(args).stdout.replace(/(?<=\d)[ .-](?=\d)/g, ''), `kim ${args.join(' ')}`).not.toContain('3574041112730101');
    }
  });

  it('as the KIM to show is not echoed back', () => {
    const dir = tempDir('kim-mask-');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    for (const nik of ['3574041112730101', '3574 0411 1273 0101']) {
      const r = kim(['show', nik, '--debug'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.replace(/(?<=\d) (?=\d)/g, '')).not.toMatch(/41112730101/);
      expect(r.stderr).toContain('No KIM "3574');
    }
  });
});
