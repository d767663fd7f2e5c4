import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { runValidation } from '../../src/core/rules/validate.js';
import { translator } from '../../src/ui/messages/index.js';
import { kim, kimJson, scratchDir } from '../helpers/cli.js';
import { csvText, generatedRoster } from '../helpers/roster.js';
import { databaseBytes } from './processes.js';

// 10,000 KIMs: `kim validate` checks the first half in a second thread (PARALLEL_MIN).
const ROWS = 100_000;

describe('kim validate on a large office, in two threads', () => {
  const dir = scratchDir('kim-parallel-');
  it('finds exactly what one thread finds, in the same order, duplicates across the halves included', () => {
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const roster = generatedRoster(dir, ROWS);

    // Problems in the first KIM (first half) and the last one (second half): one person in both,
    // a civil servant, a party member, a mangled NIK and a bad phone.
    const rows = parse(fs.readFileSync(roster, 'utf8'), { bom: true }) as string[][];
    const [header, first, last] = [rows[0]!, rows[1]!, rows[rows.length - 1]!];
    const col = (name: string) => header.indexOf(name);
    const officer = (base: string[], over: Record<string, string>) => base.map((v, i) => over[header[i]!] ?? v);
    const extra = path.join(dir, 'extra.csv');
    fs.writeFileSync(
      extra,
      csvText([
        header,
        officer(first, { 'Nama Pengurus': 'Dua Tempat', NIK: last[col('NIK')]!, Jabatan: 'Anggota', Pekerjaan: 'PNS Dinas Kominfo', 'No HP': '12' }),
        officer(last, { 'Nama Pengurus': 'Orang Partai', NIK: '123', Jabatan: 'Anggota', Pekerjaan: 'Anggota DPRD dari Partai Golkar' }),
      ]),
    );
    expect(kim(['import', roster, extra], { cwd: dir }).code).toBe(0);

    const db = path.join(dir, 'kim.sqlite');
    const copy = path.join(dir, 'copy.sqlite');
    expect(kim(['backup', copy], { cwd: dir }).code).toBe(0);

    const cli = kimJson(['validate'], { cwd: dir });
    expect(cli.code).toBe(1);

    const handle = openDatabase(copy, {});
    let one;
    try {
      const run = runValidation(handle, { today: new Date().toISOString().slice(0, 10), operator: 'tester', t: translator('en') });
      one = { summary: run.summary, findings: run.findings.map(({ params: _params, ...contract }) => contract) };
    } finally {
      handle.close();
    }
    expect(cli.json).toEqual(one);
    expect(cli.json.summary.communities).toBe(ROWS / 10);
    const rules = new Set(cli.json.findings.map((f: { rule: string }) => f.rule));
    for (const rule of ['ADM-DUP-NIK', 'ADM-ASN', 'ADM-PARTY', 'DAT-NIK', 'DAT-PHONE']) expect(rules, rule).toContain(rule);
    const dup = cli.json.findings.filter((f: { rule: string }) => f.rule === 'ADM-DUP-NIK').map((f: { community: { name: string } }) => f.community.name);
    expect(dup).toEqual(expect.arrayContaining([first[0], last[0]]));

    // The stored results are those of the run, for both halves.
    const stored = openDatabase(db, {});
    try {
      expect(stored.prepare(`SELECT count(*) FROM communities WHERE validated_at IS NULL`).pluck().get()).toBe(0);
      expect(stored.prepare(`SELECT count(*) FROM findings`).pluck().get()).toBe(cli.json.findings.length);
    } finally {
      stored.close();
    }
  }, 120_000);

  it('refuses a damaged file before it writes, as one thread does', () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(path.join(dir, 'kim.sqlite'), damaged);
    const handle = openDatabase(damaged, {});
    const [page, size] = [handle.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'changes'`).pluck().get() as number, handle.pragma('page_size', { simple: true }) as number];
    handle.close();
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(size), 0, size, (page - 1) * size);
    fs.closeSync(fd);
    const before = databaseBytes(damaged);
    const r = kim(['--db', damaged, 'validate'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is damaged \(.+\)\. Stop using it/);
    expect(databaseBytes(damaged)).toBe(before);
  }, 60_000);
});
