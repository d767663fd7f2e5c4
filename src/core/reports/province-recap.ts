import type { Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import type { Area } from '../province/scope.js';
import { titleCase } from '../regions/reference.js';
import { findRegency } from '../regions/resolve.js';
import { quarterBounds, type Quarter } from './quarter.js';
import { computeRecap, sumFigures, type RecapFigures } from './recap.js';

/** A regency's line: its office's recap total, or no figures but its villages while the office was never merged. */
export type RegencyFigures = { [K in keyof RecapFigures]: RecapFigures[K] | null };

export interface RegencyRow {
  regency: Area;
  /** When a merge last changed what the province holds of this office; null: never merged. */
  mergedAt: string | null;
  figures: RegencyFigures;
}

export interface ProvinceRecap {
  province: Area;
  year: number;
  quarter: Quarter['quarter'];
  asOf: string;
  start: string;
  rows: RegencyRow[];
  /** The merged offices together; an office never merged is in no figure. */
  total: RecapFigures;
  /** Counted KIMs their office holds outside its own regency's districts, left out as the office leaves them out. */
  unplaced: number;
}

// Each office's last merge still in force: the newest entry for its regency in a batch not undone.
const MERGED_AT_SQL = `
  SELECT json_extract(f.value, '$.regency.code') AS code, max(coalesce(json_extract(f.value, '$.mergedAt'), b.finished_at)) AS mergedAt
  FROM batches b, json_each(b.files) f
  WHERE b.kind = 'merge' AND b.undone_at IS NULL GROUP BY code`;

const REGENCIES_SQL = `
  SELECT g.code, g.name, (SELECT count(*) FROM regions v WHERE v.level = 'village' AND v.code LIKE g.code || '.%') AS villages
  FROM regions g WHERE g.level = 'regency' ORDER BY g.code`;

/**
 * The province's recap: one row per regency of the province, each its office's own recap total
 * (computed from what was merged, as the office prints it: its results as it validated them, no
 * re-validation), and the total of the offices merged.
 */
export function computeProvinceRecap(db: Db, province: Area, q: Quarter): ProvinceRecap {
  const merged = new Map((db.prepare(MERGED_AT_SQL).all() as { code: string; mergedAt: string }[]).map((r) => [r.code, r.mergedAt]));
  const rows: RegencyRow[] = [];
  let unplaced = 0;
  for (const g of db.prepare(REGENCIES_SQL).all() as { code: string; name: string; villages: number }[]) {
    const regency = { code: g.code, name: titleCase(g.name) };
    const mergedAt = merged.get(g.code) ?? null;
    if (mergedAt === null) {
      rows.push({ regency, mergedAt, figures: { ...nothingKnown(), villages: g.villages } });
      continue;
    }
    const recap = computeRecap(db, q, { office: g.code });
    unplaced += recap.unplaced;
    rows.push({ regency, mergedAt, figures: recap.total });
  }
  const bounds = quarterBounds(q);
  const known = rows.filter((r) => r.mergedAt !== null).map((r) => r.figures as RecapFigures);
  return { province, year: q.year, quarter: q.quarter, asOf: bounds.asOf, start: bounds.start, rows, total: sumFigures(known), unplaced };
}

function nothingKnown(): RegencyFigures {
  const none = sumFigures([]);
  return Object.fromEntries(Object.keys(none).map((k) => [k, null])) as RegencyFigures;
}

/** The regency `--regency` names, which must be one of the province's. */
export function provinceRegency(province: Area, text: string): Area {
  const found = findRegency(text);
  if (!found.code.startsWith(province.code + '.')) {
    throw usageError('report.regencyOutside', { regency: `${found.code} ${titleCase(found.name)}`, province: province.name });
  }
  return { code: found.code, name: titleCase(found.name) };
}
