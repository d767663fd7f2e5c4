import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { ROOT } from './cli.js';

export const HEADER = ['Nama KIM', 'Kecamatan', 'Desa/Kelurahan', 'No. SK', 'Tgl SK', 'Diketahui Lurah', 'Nama Pengurus', 'Jabatan', 'NIK', 'Tanggal Lahir', 'L/P', 'Pekerjaan'];

/** One officer row of a clean KIM in Kota Probolinggo, with fields replaced as a test needs. */
export function officer(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    'Nama KIM': 'KIM Maju Bersama',
    Kecamatan: 'Kanigaran',
    'Desa/Kelurahan': 'Tisnonegaran',
    'No. SK': '400/12/425.106/2025',
    'Tgl SK': '14/06/2025',
    'Diketahui Lurah': 'Ya',
    'Nama Pengurus': `Pengurus ${n}`,
    Jabatan: n === 1 ? 'Ketua' : n === 2 ? 'Sekretaris' : n === 3 ? 'Bendahara' : 'Anggota',
    NIK: `35740412129000${String(n).padStart(2, '0')}`,
    'Tanggal Lahir': '12/12/1990',
    'L/P': 'L',
    Pekerjaan: 'Wiraswasta',
    ...over,
  };
  return HEADER.map((h) => base[h] ?? '');
}

export interface WriteOptions {
  delimiter?: string;
  encoding?: 'utf8' | 'utf16le' | 'windows-1252';
  bom?: boolean;
  eol?: string;
  /** Quote every cell (as some exporters do). */
  quoteAll?: boolean;
}

export function csvText(rows: string[][], o: WriteOptions = {}): string {
  const d = o.delimiter ?? ',';
  const quote = (c: string) => (o.quoteAll || c.includes(d) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(d)).join(o.eol ?? '\n') + (o.eol ?? '\n');
}

export function encode(text: string, o: WriteOptions = {}): Buffer {
  const enc = o.encoding ?? 'utf8';
  if (enc === 'utf16le') return Buffer.concat([o.bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
  if (enc === 'windows-1252') return iconv.encode(text, 'windows-1252');
  return Buffer.concat([o.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** Writes a roster file (header + rows) and returns its path. */
export function writeRoster(dir: string, name: string, rows: string[][], o: WriteOptions = {}): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, encode(csvText(rows, o), o));
  return file;
}

export function writeRaw(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A roster of `rows` officers (ten per KIM) from the benchmark's generator, written into `dir`. */
export function generatedRoster(dir: string, rows: number): string {
  const file = path.join(dir, `roster-${rows}.csv`);
  const gen = spawnSync(process.execPath, [path.join(ROOT, 'bench/generate-roster.js'), '--rows', String(rows), '--out', file], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`bench/generate-roster.js failed: ${gen.stderr}`);
  return file;
}
