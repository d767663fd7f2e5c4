import type { Db } from '../../db/connection.js';
import { translator, type Translate } from '../../ui/messages/index.js';
import { parseNik } from '../ids/nik.js';
import { ruleByCode } from '../rules/catalog.js';
import { checkCommunity, type Finding } from '../rules/check.js';
import { loadRuleConfig } from '../rules/config.js';
import type { CheckEnv, CommunityRecord, OfficerRecord } from '../rules/types.js';
import { regencyRef } from './scope.js';

/** The rule no office can check: it sees one regency only. */
export const PROVINCE_RULE = 'ADM-DUP-NIK-REGENCY';

// As ADM-DUP-NIK finds its NIKs (core/rules/scope.ts): only the NIK index is read until the few
// NIKs written more than once are known; of those, the ones active in merged KIMs of two offices.
const HOLDERS_SQL = `
  SELECT o.id AS officer, o.nik, o.nik_key, c.id, c.name, c.office FROM officers o JOIN communities c ON c.id = o.community_id
  WHERE o.ended_at IS NULL AND c.ended_at IS NULL AND c.office IS NOT NULL AND o.nik_key IN (
    SELECT d.nik_key FROM officers d JOIN communities dc ON dc.id = d.community_id
    WHERE d.nik_key IN (SELECT nik_key FROM officers WHERE nik_key IS NOT NULL GROUP BY nik_key HAVING count(*) > 1)
      AND d.ended_at IS NULL AND dc.ended_at IS NULL AND dc.office IS NOT NULL
    GROUP BY d.nik_key HAVING count(DISTINCT dc.office) > 1)
  ORDER BY c.id, o.id`;

interface HolderRow {
  officer: number;
  nik: string;
  nik_key: string;
  id: number;
  name: string;
  office: string;
}

/**
 * Checks ADM-DUP-NIK-REGENCY across every merged KIM and replaces its stored findings (the
 * offices' own findings are never touched). Run after a merge, an undo of one, and by
 * `kim validate` in a provincial database, inside the caller's write transaction.
 */
export function storeProvinceFindings(db: Db, today: string, t: Translate = translator('en')): Finding[] {
  db.prepare(`DELETE FROM findings WHERE rule = ?`).run(PROVINCE_RULE);
  const config = loadRuleConfig(db);
  if (!config.enabled[PROVINCE_RULE]) return [];
  const rows = db.prepare(HOLDERS_SQL).all() as HolderRow[];
  const nikRegencies: NonNullable<CheckEnv['nikRegencies']> = new Map();
  const holders = new Map<number, number[]>();
  for (const r of rows) {
    // A NIK rounded by a spreadsheet (serial 0000) is shared by strangers: not one person.
    if (!parseNik(r.nik).ok) continue;
    const list = nikRegencies.get(r.nik_key) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, name: r.name, regency: regencyRef(db, r.office) });
    nikRegencies.set(r.nik_key, list);
    holders.set(r.id, [...(holders.get(r.id) ?? []), r.officer]);
  }
  const env: CheckEnv = { today, config, regency: undefined, regions: new Map(), nikCommunities: new Map(), nikRegencies };
  const rule = ruleByCode(PROVINCE_RULE)!;
  const community = db.prepare(`SELECT * FROM communities WHERE id = ?`);
  const officers = db.prepare(`SELECT * FROM officers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  const insert = db.prepare(
    `INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const found: Finding[] = [];
  for (const [id, officerIds] of holders) {
    const c = community.get(id) as CommunityRecord;
    const checked = checkCommunity([rule], c, [], officers.all(JSON.stringify(officerIds)) as OfficerRecord[], env, t);
    for (const f of checked.findings) {
      insert.run(id, f.officer?.id ?? null, f.rule, f.severity, f.category, f.field, f.value, JSON.stringify(f.params));
      found.push(f);
    }
  }
  return found;
}
