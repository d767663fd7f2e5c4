import { describe, expect, it } from 'vitest';
import { kim, kimJson, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRoster } from '../helpers/roster.js';

const env = { KIM_TODAY: '2026-01-10' };

/** A folder with a database of the office, and kim run in it. */
function office() {
  const dir = tempDir('kim-fresh-');
  const run = (args: string[]) => kim(args, { cwd: dir, env });
  const json = (args: string[]) => kimJson(args, { cwd: dir, env });
  expect(run(['init', '--regency', '35.74']).code).toBe(0);
  const roster = (name: string, rows: string[][]) => writeRoster(dir, name, [HEADER, ...rows]);
  /** What a clerk reads about KIM 1: listed as compliant, counted in the recap, its open problems. */
  const seen = () => ({
    listedCompliant: json(['list', '--status', 'compliant']).json.map((c: { id: number }) => c.id),
    recapCompliant: json(['report', 'recap', '--year', '2025', '--quarter', '4']).json.total.compliant,
    problems: json(['show', '1']).json.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string }) => f.rule),
  });
  return { dir, run, json, roster, seen };
}

const CLEAN = [officer(1), officer(2), officer(3)];
const ASN_SECRETARY = [officer(1), officer(2, { Pekerjaan: 'Guru PNS' }), officer(3)];

describe('results after an undo', () => {
  it('are never the ones of the undone batch: an import changes an officer, validate, undo', () => {
    const o = office();
    expect(o.run(['import', o.roster('asn.csv', ASN_SECRETARY)]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(1);
    expect(o.run(['import', o.roster('fixed.csv', CLEAN)]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [1], recapCompliant: 1, problems: [] });

    expect(o.run(['undo', '2', '--yes']).code).toBe(0);
    // The ASN secretary is back: the KIM is not compliant, wherever a clerk looks.
    expect(o.seen()).toEqual({ listedCompliant: [], recapCompliant: 0, problems: ['ADM-ASN'] });
  });

  it('are never the ones of the undone batch: an import adds an ASN officer, validate, undo', () => {
    const o = office();
    expect(o.run(['import', o.roster('clean.csv', CLEAN)]).code).toBe(0);
    expect(o.run(['import', o.roster('more.csv', [officer(4, { Pekerjaan: 'PNS Kecamatan' })])]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(1);
    expect(o.seen()).toEqual({ listedCompliant: [], recapCompliant: 0, problems: ['ADM-ASN'] });

    expect(o.run(['undo', '2', '--yes']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [1], recapCompliant: 1, problems: [] });
  });

  it('of another KIM whose duplicate NIK the undo takes away are validated again', () => {
    const o = office();
    expect(o.run(['config', 'set', 'rules.ADM-DUP-NIK.severity', 'error']).code).toBe(0);
    expect(o.run(['import', o.roster('a.csv', CLEAN)]).code).toBe(0);
    // KIM 2 gets an officer holding KIM 1's chair's NIK.
    const other = (n: number, over: Record<string, string> = {}) => officer(n, { 'Nama KIM': 'KIM Lain', NIK: `35740412129001${n}0`, ...over });
    expect(o.run(['import', o.roster('b.csv', [other(1), other(2), other(3), other(4, { NIK: officer(1)[8]!, 'Nama Pengurus': 'Orang Sama' })])]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(1);
    expect(o.seen().problems).toEqual(['ADM-DUP-NIK']);
    expect(o.run(['undo', '2', '--yes']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [1], recapCompliant: 1, problems: [] });
  });
});

describe('results after an edit', () => {
  it('follow an edit and the edit that takes it back', () => {
    const o = office();
    expect(o.run(['import', o.roster('clean.csv', CLEAN)]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(0);
    expect(o.run(['edit', 'officer', 'Pengurus 2', '--occupation', 'Guru PNS']).code).toBe(1);
    expect(o.seen()).toEqual({ listedCompliant: [], recapCompliant: 0, problems: ['ADM-ASN'] });
    expect(o.run(['edit', 'officer', 'Pengurus 2', '--occupation', 'Wiraswasta']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [1], recapCompliant: 1, problems: [] });
  });
});

describe('results after a change of the rules', () => {
  it('are judged by the new setting', () => {
    const o = office();
    expect(o.run(['import', o.roster('asn.csv', ASN_SECRETARY)]).code).toBe(0);
    expect(o.run(['validate']).code).toBe(1);
    expect(o.run(['config', 'set', 'rules.ADM-ASN.severity', 'warning']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [1], recapCompliant: 1, problems: [] });
    expect(o.run(['config', 'unset', 'rules.ADM-ASN.severity']).code).toBe(0);
    expect(o.seen()).toEqual({ listedCompliant: [], recapCompliant: 0, problems: ['ADM-ASN'] });
  });
});
