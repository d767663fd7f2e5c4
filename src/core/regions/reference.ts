import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** One Kemendagri region: regency `35.74`, district `35.74.01` or village `35.74.01.1001`. */
export interface Region {
  code: string;
  parentCode: string;
  name: string;
}

export interface Reference {
  regencies: Region[];
  districts: Region[];
  villages: Region[];
}

let cached: Reference | undefined;

/** The version of idn-area-data this kim reads. */
export function referenceVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('idn-area-data/package.json') as { version: string }).version;
}

/** Where idn-area-data keeps its CSV files (data under the ODbL, see data/NOTICE.md). */
export function referenceDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

// The files are plain `code,parent,name` lines with no quoting (a name may hold a literal quote),
// so a split is exact and ten times faster than a CSV parser on 83,000 villages.
function readRegions(file: string, prefix?: string): Region[] {
  const text = fs.readFileSync(path.join(referenceDir(), file), 'utf8');
  const out: Region[] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!prefix || text.startsWith(prefix, start)) {
      const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
      const a = line.indexOf(',');
      const b = line.indexOf(',', a + 1);
      if (a > 0 && b > a) out.push({ code: line.slice(0, a), parentCode: line.slice(a + 1, b), name: line.slice(b + 1) });
    }
    start = end + 1;
  }
  return out;
}

/** The whole national reference; read once per process, only when a command needs it. */
export function loadReference(): Reference {
  cached ??= {
    regencies: readRegions('regencies.csv'),
    districts: readRegions('districts.csv'),
    villages: readRegions('villages.csv'),
  };
  return cached;
}

/** Only one regency's districts and villages, without holding the whole country. */
export function loadRegencyReference(regencyCode: string): Reference {
  const prefix = regencyCode + '.';
  return {
    regencies: readRegions('regencies.csv').filter((r) => r.code === regencyCode),
    districts: readRegions('districts.csv', prefix),
    villages: readRegions('villages.csv', prefix),
  };
}

/** The 38 provinces (`16` Sumatera Selatan …), from their own file: code and name only. */
export function loadProvinces(): { code: string; name: string }[] {
  const text = fs.readFileSync(path.join(referenceDir(), 'provinces.csv'), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((line) => ({ code: line.slice(0, line.indexOf(',')), name: line.slice(line.indexOf(',') + 1) }))
    .filter((p) => /^\d{2}$/.test(p.code));
}

/** One province's regencies, districts and villages, without holding the whole country. */
export function loadProvinceReference(provinceCode: string): Reference {
  const prefix = provinceCode + '.';
  return {
    regencies: readRegions('regencies.csv', prefix),
    districts: readRegions('districts.csv', prefix),
    villages: readRegions('villages.csv', prefix),
  };
}

// A numbered region's numeral (Banyuasin II, Kota Baru III): I to XXXIX, as the reference spells it.
const ROMAN_NUMERAL = /(?<![\p{L}\p{N}])(?=[ivx])(x{0,3})(ix|iv|v?i{0,3})(?![\p{L}\p{N}])/giu;

/** "KABUPATEN MUSI BANYUASIN" reads better as "Kabupaten Musi Banyuasin"; "BANYUASIN II" keeps its numeral. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(ROMAN_NUMERAL, (numeral: string) => numeral.toUpperCase());
}
