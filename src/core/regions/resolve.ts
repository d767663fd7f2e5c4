import { usageError } from '../../errors.js';
import { allowedSlips, editDistance, numberKey, numbersIn, regencyKind, regionKey, writtenKey } from './normalize.js';
import { loadProvinces, loadReference, titleCase, type Reference, type Region } from './reference.js';

/** Finds a regency by Kemendagri code (`16.06`, `1606`) or by name (`Musi Banyuasin`, `Kota Probolinggo`). */
export function findRegency(text: string, regencies: Region[] = loadReference().regencies): Region {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (/^\d{2}\.?\d{2}$/.test(trimmed)) {
    const code = `${digits.slice(0, 2)}.${digits.slice(2)}`;
    const found = regencies.find((r) => r.code === code);
    if (!found) throw usageError('regions.regencyCodeUnknown', { value: trimmed });
    return found;
  }
  const kind = regencyKind(trimmed);
  const matches = byName(regencies, trimmed, (r) => !kind || regencyKind(r.name) === kind);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw usageError('regions.regencyUnknown', { value: trimmed });
  throw usageError('regions.regencyAmbiguous', {
    value: trimmed,
    candidates: matches.map((r) => `${r.code} ${titleCase(r.name)}`).join(', '),
  });
}

/** The regions a name means: those written so, else those within a slip or two of it. */
function byName<R extends { name: string }>(regions: R[], text: string, keep: (r: R) => boolean = () => true): R[] {
  const key = regionKey(text);
  const exact = regions.filter((r) => regionKey(r.name) === key && keep(r));
  if (exact.length > 0) return exact;
  const slips = allowedSlips(key);
  return regions.filter((r) => keep(r) && editDistance(regionKey(r.name), key, slips) <= slips);
}

/** Finds a province by Kemendagri code (`16`) or name (`Sumatera Selatan`, `Provinsi Jawa Timur`). */
export function findProvince(text: string, provinces = loadProvinces()): { code: string; name: string } {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const found = provinces.find((p) => p.code === trimmed.padStart(2, '0'));
    if (!found) throw usageError('regions.provinceCodeUnknown', { value: trimmed });
    return found;
  }
  const matches = byName(provinces, trimmed.replace(/^(provinsi|prov\.?)\s+/i, ''));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw usageError('regions.provinceUnknown', { value: trimmed });
  throw usageError('regions.provinceAmbiguous', { value: trimmed, candidates: matches.map((p) => `${p.code} ${titleCase(p.name)}`).join(', ') });
}

/** How a name that was not written exactly as the reference writes it was read. */
export interface RegionGuess {
  written: string;
  /** near: taken as the one closest spelling; ambiguous: several fit, none was taken. */
  how: 'near' | 'ambiguous';
  /** "Keban II (16.06.05.2015)": the one taken, or those that fit. */
  candidates: string[];
}

export interface Resolution {
  districtCode: string | null;
  villageCode: string | null;
  /** Set when the district or village was read from a spelling the reference does not have. */
  note: { district?: RegionGuess; village?: RegionGuess } | null;
}

interface Found {
  region: Region | null;
  guess?: RegionGuess;
}

const label = (r: Region) => `${titleCase(r.name)} (${r.code})`;

interface Index {
  byKey: Map<string, Region[]>;
  byNumber: Map<string, Region[]>;
  all: Region[];
}

function add(map: Map<string, Region[]>, key: string, r: Region): void {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

function index(regions: Region[]): Index {
  const byKey = new Map<string, Region[]>();
  const byNumber = new Map<string, Region[]>();
  for (const r of regions) {
    add(byKey, regionKey(r.name), r);
    add(byNumber, numberKey(r.name), r);
  }
  return { byKey, byNumber, all: regions };
}

/** Of several regions with one key, the one spelled as written, spaces and all ("Sukadamai", not "Suka Damai"). */
function asWritten(regions: Region[], text: string): Region | undefined {
  const written = writtenKey(text);
  const same = regions.filter((r) => writtenKey(r.name) === written);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * The region a name means. Spelling slips are forgiven in proportion to the name's length, but
 * never in its number: "Keban 2" is never Keban I. A name several regions fit is not guessed.
 */
function lookup(idx: Index, text: string, within?: (r: Region) => boolean): Found {
  const key = regionKey(text);
  if (!key) return { region: null };
  const written = text.trim();
  let exact = (idx.byKey.get(key) ?? []).filter((r) => !within || within(r));
  if (exact.length === 0) exact = (idx.byNumber.get(numberKey(text)) ?? []).filter((r) => !within || within(r));
  if (exact.length === 1) return { region: exact[0]! };
  if (exact.length > 1) {
    const spelled = asWritten(exact, text);
    if (spelled) return { region: spelled };
    return { region: null, guess: { written, how: 'ambiguous', candidates: exact.map(label) } };
  }
  const slips = allowedSlips(key);
  if (slips === 0) return { region: null };
  const number = numbersIn(key);
  let best: Region[] = [];
  let bestDistance = slips + 1;
  for (const r of idx.all) {
    if (within && !within(r)) continue;
    const other = regionKey(r.name);
    if (numbersIn(other) !== number) continue;
    const d = editDistance(other, key, slips);
    if (d < bestDistance) {
      best = [r];
      bestDistance = d;
    } else if (d === bestDistance) best.push(r);
  }
  if (bestDistance > slips || best.length === 0) return { region: null };
  if (best.length > 1) return { region: null, guess: { written, how: 'ambiguous', candidates: best.map(label) } };
  return { region: best[0]!, guess: { written, how: 'near', candidates: [label(best[0]!)] } };
}

/**
 * Turns the kecamatan and desa/kelurahan names a village wrote into Kemendagri codes. Each is
 * resolved on its own so that validation can tell "not found" from "not in that district";
 * what cannot be resolved stays null and the text is kept as written.
 */
export class RegionResolver {
  private readonly scoped?: { districts: Index; villages: Index; regencyCode: string };
  private national?: { regencies: Region[]; districts: Index; villages: Index };
  private readonly memo = new Map<string, Resolution>();

  constructor(scope?: Reference & { regencyCode: string }) {
    if (scope) {
      this.scoped = { districts: index(scope.districts), villages: index(scope.villages), regencyCode: scope.regencyCode };
    }
  }

  private nationalIndex() {
    if (!this.national) {
      const ref = loadReference();
      this.national = { regencies: ref.regencies, districts: index(ref.districts), villages: index(ref.villages) };
    }
    return this.national;
  }

  resolve(regencyText: string, districtText: string, villageText: string): Resolution {
    const memoKey = `${regencyText}\u0000${districtText}\u0000${villageText}`;
    let hit = this.memo.get(memoKey);
    if (!hit) {
      hit = this.compute(regencyText, districtText, villageText);
      this.memo.set(memoKey, hit);
    }
    return hit;
  }

  private compute(regencyText: string, districtText: string, villageText: string): Resolution {
    let regencyCode = this.scoped?.regencyCode;
    let districts = this.scoped?.districts;
    let villages = this.scoped?.villages;
    // A row that names another regency is resolved there, so validation can say it is outside ours.
    const rowRegency = regencyText ? this.regencyOf(regencyText) : undefined;
    if (!this.scoped || (rowRegency && rowRegency !== regencyCode)) {
      const nat = this.nationalIndex();
      districts = nat.districts;
      villages = nat.villages;
      regencyCode = rowRegency ?? undefined;
    }
    const inRegency = (r: Region) => !regencyCode || r.code.startsWith(regencyCode + '.');
    const district = districtText ? lookup(districts!, districtText, inRegency) : { region: null };
    let village: Found = { region: null };
    if (villageText) {
      const inDistrict = district.region ? lookup(villages!, villageText, (r) => r.parentCode === district.region!.code) : undefined;
      // A village written exactly is taken from the whole regency before a near spelling inside
      // the district written: clerks get the kecamatan wrong more often than the desa.
      if (inDistrict?.region && !inDistrict.guess) village = inDistrict;
      else if (regencyCode) {
        const anywhere = lookup(villages!, villageText, inRegency);
        village = anywhere.region && !anywhere.guess ? anywhere : (inDistrict?.region ? inDistrict : anywhere);
      } else if (inDistrict) village = inDistrict;
      // Without any regency, a village name alone is too ambiguous nationally to guess.
    }
    const note = district.guess || village.guess ? { ...(district.guess && { district: district.guess }), ...(village.guess && { village: village.guess }) } : null;
    return { districtCode: district.region?.code ?? null, villageCode: village.region?.code ?? null, note };
  }

  private regencyOf(text: string): string | undefined {
    try {
      return findRegency(text, this.nationalIndex().regencies).code;
    } catch {
      return undefined;
    }
  }
}
