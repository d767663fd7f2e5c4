import { usageError } from '../../errors.js';
import { allowedSlips, editDistance, regencyKind, regionKey } from './normalize.js';
import { loadReference, titleCase, type Reference, type Region } from './reference.js';

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
  const key = regionKey(trimmed);
  const kind = regencyKind(trimmed);
  let matches = regencies.filter((r) => regionKey(r.name) === key && (!kind || regencyKind(r.name) === kind));
  if (matches.length === 0) {
    const slips = allowedSlips(key);
    matches = regencies.filter(
      (r) => (!kind || regencyKind(r.name) === kind) && editDistance(regionKey(r.name), key, slips) <= slips,
    );
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw usageError('regions.regencyUnknown', { value: trimmed });
  throw usageError('regions.regencyAmbiguous', {
    value: trimmed,
    candidates: matches.map((r) => `${r.code} ${titleCase(r.name)}`).join(', '),
  });
}

export interface Resolution {
  districtCode: string | null;
  villageCode: string | null;
}

interface Index {
  byKey: Map<string, Region[]>;
  all: Region[];
}

function index(regions: Region[]): Index {
  const byKey = new Map<string, Region[]>();
  for (const r of regions) {
    const k = regionKey(r.name);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  return { byKey, all: regions };
}

function lookup(idx: Index, text: string, within?: (r: Region) => boolean): Region | null {
  const key = regionKey(text);
  if (!key) return null;
  const exact = (idx.byKey.get(key) ?? []).filter((r) => !within || within(r));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const slips = allowedSlips(key);
  if (slips === 0) return null;
  let best: Region | null = null;
  let bestDistance = slips + 1;
  let tie = false;
  for (const r of idx.all) {
    if (within && !within(r)) continue;
    const d = editDistance(regionKey(r.name), key, slips);
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= slips && !tie ? best : null;
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
    const district = districtText ? lookup(districts!, districtText, inRegency) : null;
    let village: Region | null = null;
    if (villageText) {
      if (district) village = lookup(villages!, villageText, (r) => r.parentCode === district.code);
      if (!village && regencyCode) village = lookup(villages!, villageText, inRegency);
      // Without any regency, a village name alone is too ambiguous nationally to guess.
    }
    return { districtCode: district?.code ?? null, villageCode: village?.code ?? null };
  }

  private regencyOf(text: string): string | undefined {
    try {
      return findRegency(text, this.nationalIndex().regencies).code;
    } catch {
      return undefined;
    }
  }
}
