import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, kim, kimJson } from '../helpers/cli.js';

/** The day the offices work on: every SK of the fixtures lies before it. */
export const TODAY = '2025-12-20';
export const ENV = { KIM_TODAY: TODAY };

/** Three offices of Sumatera Selatan (16), each with its own rosters (fixtures/province). */
export const OFFICES = {
  muba: { regency: '16.06', name: 'Kabupaten Musi Banyuasin', rosters: ['muba_sekayu.csv'] },
  palembang: { regency: '16.71', name: 'Kota Palembang', rosters: ['palembang_ilir_ulu.csv'] },
  banyuasin: { regency: '16.07', name: 'Kabupaten Banyuasin', rosters: ['banyuasin_mariana.csv'] },
} as const;
export type OfficeName = keyof typeof OFFICES;

/** Runs kim on one database of the folder, failing the test with kim's own words when it fails unexpectedly. */
export function on(dir: string, db: string, args: string[], expected: number[] = [0]): string {
  const r = kim(['--db', db, ...args], { cwd: dir, env: ENV });
  if (!expected.includes(r.code)) throw new Error(`kim --db ${db} ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r.stdout;
}

export function onJson<T = any>(dir: string, db: string, args: string[]): { code: number; json: T; stderr: string } {
  return kimJson<T>(['--db', db, ...args], { cwd: dir, env: ENV });
}

/** An office's own database, made as its clerk makes it: init, import, validate, number. */
export function makeOffice(dir: string, name: OfficeName): string {
  const office = OFFICES[name];
  const db = `${name}.sqlite`;
  on(dir, db, ['init', '--regency', office.regency, '--office', `Diskominfo ${office.name}`]);
  for (const roster of office.rosters) on(dir, db, ['import', path.join(FIXTURES, 'province', roster)]);
  on(dir, db, ['validate'], [0, 1]);
  on(dir, db, ['number']);
  return db;
}

/** What an office sends the province: a `kim backup` of its database, in the folder `sent/`. */
export function send(dir: string, name: OfficeName): string {
  fs.mkdirSync(path.join(dir, 'sent'), { recursive: true });
  const copy = path.join('sent', `${name}.sqlite`);
  on(dir, `${name}.sqlite`, ['backup', copy, '--yes']);
  return copy;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
