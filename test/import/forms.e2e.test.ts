import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isNone } from '../../src/core/rules/affiliation/none.js';
import { FIXTURES, kim, kimJson, tempDir } from '../helpers/cli.js';

/**
 * The rosters of fixtures/rosters/forms, laid out as village and kelurahan clerks save them from
 * their own Excel forms, each with the outcome a clerk at the Diskominfo expects
 * (<file>.expected.json, written by make/gen.py with the file). Through the real bin/kim.js:
 * import, validate, export, then the same import again.
 */
const FORMS = path.join(FIXTURES, 'rosters', 'forms');
const env = { KIM_TODAY: '2025-12-31' };

interface ExpectedKim {
  name: string;
  villageCode: string | null;
  officers: number;
  male: number;
  female: number;
  skNumber: string | null;
  skDate: string | null;
  errors: string[];
  warnings: string[];
}

interface Expected {
  file: string;
  regency: string;
  encoding: string;
  delimiter: string;
  skipped: { title: number; columnNumbers: number; total: number; signature: number; repeatedHeader: number };
  missingColumns: string[];
  kims: ExpectedKim[];
  conflicts: { kim: string; field: string }[];
  rejectedRows: { row: number }[];
}

/** The needs kim reports that the expectations name too (an issuer column is rarely there, and not asked). */
const NEEDS = ['role', 'nik', 'occupation', 'party', 'ngo', 'acknowledged', 'sk_number', 'sk_date'];
const ENCODING: Record<string, string> = { 'windows-1252': 'windows-1252', utf8: 'utf8', 'utf-8': 'utf8', utf16le: 'utf16le', 'utf-16le': 'utf16le' };

const sorted = (xs: string[]) => [...new Set(xs)].sort();
const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

function cases(set: string): [string, Expected][] {
  const dir = path.join(FORMS, set);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Expected;
      return [path.join(set, expected.file), expected];
    });
}

/** Everything a clerk would check of one roster's import, as [what, value] pairs to compare whole. */
function outcome(relative: string, e: Expected) {
  const dir = tempDir('kim-forms-');
  fs.copyFileSync(path.join(FORMS, relative), path.join(dir, e.file));
  expect(kim(['init', '--regency', e.regency], { cwd: dir, env }).code).toBe(0);
  const imported = kimJson(['import', e.file], { cwd: dir, env });
  const validated = kimJson(['validate'], { cwd: dir, env });
  const communities = kimJson(['export', 'communities'], { cwd: dir, env }).json as Record<string, any>[];
  const officers = kimJson(['export', 'officers'], { cwd: dir, env }).json as Record<string, any>[];
  const again = kimJson(['import', e.file], { cwd: dir, env });
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  const changesOfSecond = (db.prepare(`SELECT count(*) AS n FROM changes WHERE batch_id = 2`).get() as { n: number }).n;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const file = imported.json.files[0];
  const got = {
    read: { encoding: file.encoding, delimiter: file.delimiter },
    skipped: file.skipped,
    missingColumns: sorted(file.missingColumns.filter((n: string) => NEEDS.includes(n))),
    rejectedRows: imported.json.rejected.map((r: { row: number }) => r.row),
    conflicts: sorted(imported.json.conflicts.map((c: { community: { name: string }; field: string }) => `${c.community.name} / ${c.field}`)),
    kims: communities
      .map((c) => {
        const mine = officers.filter((o) => o.communityId === c.id && !o.endedAt);
        const findings = validated.json.findings.filter((f: { community: { id: number } }) => f.community.id === c.id);
        const rules = (severity: string) => sorted(findings.filter((f: { severity: string }) => f.severity === severity).map((f: { rule: string }) => f.rule));
        return {
          name: key(c.name), villageCode: c.villageCode, officers: mine.length,
          male: mine.filter((o) => o.sex === 'M').length, female: mine.filter((o) => o.sex === 'F').length,
          // "-" or "belum ada" is kept as written, and means no SK number.
          skNumber: isNone(c.skNumber) ? null : c.skNumber, skDate: c.skDateIso, errors: rules('error'), warnings: rules('warning'),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    second: { communities: again.json.communities, officers: again.json.officers, changes: changesOfSecond },
  };
  // A file with no byte above 127 reads the same in every encoding, and kim calls it UTF-8.
  const ascii = fs.readFileSync(path.join(FORMS, relative)).every((b) => b < 128);
  const want = {
    read: { encoding: ascii ? 'utf8' : (ENCODING[e.encoding.toLowerCase()] ?? e.encoding), delimiter: e.delimiter },
    skipped: { title: e.skipped.title, columnNumbers: e.skipped.columnNumbers, totals: e.skipped.total, signature: e.skipped.signature, repeatedHeaders: e.skipped.repeatedHeader },
    missingColumns: sorted(e.missingColumns.filter((n) => NEEDS.includes(n))),
    rejectedRows: e.rejectedRows.map((r) => r.row).sort((a, b) => a - b),
    conflicts: sorted(e.conflicts.map((c) => `${c.kim} / ${c.field}`)),
    kims: e.kims
      .map((k) => ({
        name: key(k.name), villageCode: k.villageCode, officers: k.officers, male: k.male, female: k.female,
        skNumber: k.skNumber, skDate: k.skDate, errors: sorted(k.errors), warnings: sorted(k.warnings),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    second: {
      communities: { created: 0, updated: 0, unchanged: e.kims.length },
      officers: { created: 0, updated: 0, unchanged: e.kims.reduce((n, k) => n + k.officers, 0), ended: 0 },
      changes: 0,
    },
  };
  return { got, want };
}

describe.each(['rosters', 'heldout', 'second', 'third'])('village forms (%s): imported, validated and imported again as the clerk expects', (set) => {
  it.each(cases(set))('%s', (relative, e) => {
    const { got, want } = outcome(relative, e);
    expect(got).toEqual(want);
  });
});
