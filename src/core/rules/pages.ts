/**
 * What the validation pass reads, a page of communities at a time: each community with what its
 * roster rules need (one role per active officer), and whole only the officers that must be
 * checked one by one (see typical.ts). Rows come as arrays and become objects here: better-sqlite3
 * builds row objects property by property, which at a million officers costs more than the checks.
 */
import type { Db } from '../../db/connection.js';
import { AFFILIATIONS, KEY_SEPARATOR, OFFICER_KEY, typicalAt } from './typical.js';
import type { CommunityRecord, OfficerRecord } from './types.js';

export interface PagedCommunity {
  community: CommunityRecord;
  /** The role of every active officer, blank ones as null. */
  roles: (string | null)[];
  /** The active officers that must be checked one by one, in id order. */
  officers: OfficerRecord[];
}

export interface PageOptions {
  /** ISO birth date on or before which an officer is old enough (ageCutoff). */
  cutoff: string;
  /** By community, the officers always checked one by one (a NIK in two KIMs); null: every officer is. */
  holders: Map<number, number[]> | null;
}

/** Communities per statement: enough to spare the per-statement hand-over, a few thousand officers. */
const PAGE = 500;

const COMMUNITY_COLUMNS = `c.id, c.name, c.number, c.regency_text, c.district_text, c.village_text, c.district_code, c.village_code,
  c.sk_number, c.sk_date, c.sk_date_iso, c.sk_issuer, c.acknowledged, c.blind, c.region_note`;

type Cell = string | null;

function communityOf(r: unknown[]): CommunityRecord {
  const [id, name, number, regency_text, district_text, village_text, district_code, village_code, sk_number, sk_date, sk_date_iso, sk_issuer, acknowledged, blind, region_note] =
    r as [number, string, ...Cell[]];
  return { id, name, number, regency_text, district_text, village_text, district_code, village_code, sk_number, sk_date, sk_date_iso, sk_issuer, acknowledged, blind, region_note };
}

function officerOf(r: unknown[]): OfficerRecord {
  const [id, community_id, name, nik, nik_key, role, birth_date, birth_date_iso, gender, sex, occupation, nip, party, ngo, phone, employment_status, notes] =
    r as [number, number, string, ...Cell[]];
  return { id, community_id, name, nik, nik_key, role, birth_date, birth_date_iso, gender, sex: sex as OfficerRecord['sex'], occupation, nip, party, ngo, phone, employment_status, notes };
}

// One row per community: its columns, its officers' count, roles and ids, the text that tells
// whether each is typical, and the distinct values of each affiliation column, all in scan order.
// LEFT JOIN keeps a community without active officers: its roster rules still run.
const PAGE_SQL = `
  SELECT ${COMMUNITY_COLUMNS}, count(o.id), json_group_array(o.role), group_concat(o.id), group_concat(${OFFICER_KEY}, char(30)),
    ${AFFILIATIONS.map((a) => a.sql).join(', ')}
  FROM communities c LEFT JOIN officers o ON o.community_id = c.id AND o.ended_at IS NULL
  WHERE c.id IN (SELECT value FROM json_each(@page))
  GROUP BY c.id ORDER BY c.id`;

const OFFICERS_SQL = `
  SELECT o.id, o.community_id, o.name, o.nik, o.nik_key, o.role, o.birth_date, o.birth_date_iso, o.gender, o.sex,
    o.occupation, o.nip, o.party, o.ngo, o.phone, o.employment_status, o.notes
  FROM officers o
  WHERE o.ended_at IS NULL AND (o.id IN (SELECT value FROM json_each(@ids)) OR o.community_id IN (SELECT value FROM json_each(@whole)))
  ORDER BY o.community_id, o.id`;

// Where the aggregates stand in a row of PAGE_SQL, after the community's columns.
const COUNT = COMMUNITY_COLUMNS.split(',').length;
const [ROLES, IDS, KEYS, FIRST_AFFILIATION] = [COUNT + 1, COUNT + 2, COUNT + 3, COUNT + 4];

/**
 * The officers of one KIM that are not typical, by their texts (OFFICER_KEY) and ids in the same
 * order; null when the texts do not line up with the ids (a separator inside a phone number):
 * then every officer is.
 */
function atypical(keys: string, ids: string, count: number, cutoff: string): number[] | null {
  const odd: number[] = [];
  let list: string[] | undefined;
  let from = 0;
  for (let k = 0; k < count; k++) {
    let to = keys.indexOf(KEY_SEPARATOR, from);
    if (to < 0) {
      if (k !== count - 1) return null;
      to = keys.length;
    }
    if (!typicalAt(keys, from, to, cutoff)) odd.push(Number((list ??= ids.split(','))[k]));
    from = to + 1;
  }
  return from === keys.length + 1 ? odd : null;
}

/** The communities (ids in order), a page at a time, with what the pass needs of their officers. */
export function* pagedCommunities(db: Db, ids: number[], options: PageOptions): Generator<PagedCommunity> {
  const page = db.prepare(PAGE_SQL).raw();
  const officers = db.prepare(OFFICERS_SQL).raw();
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = page.all({ page: JSON.stringify(ids.slice(i, i + PAGE)) }) as unknown[][];
    const single: number[] = [];
    const whole: number[] = [];
    for (const r of rows) {
      const id = r[0] as number;
      const count = r[COUNT] as number;
      if (count === 0) continue;
      // Without the holders of shared NIKs, and in a KIM with an occupation, NIP, party or NGO that
      // some rule may flag, every officer is checked one by one.
      const odd =
        options.holders && AFFILIATIONS.every((a, k) => a.clean(r[FIRST_AFFILIATION + k] as string))
          ? atypical(r[KEYS] as string, r[IDS] as string, count, options.cutoff)
          : null;
      if (odd === null) whole.push(id);
      else {
        single.push(...odd);
        const held = options.holders?.get(id);
        if (held) single.push(...held);
      }
    }
    const byCommunity = new Map<number, OfficerRecord[]>();
    if (single.length || whole.length) {
      for (const r of officers.all({ ids: JSON.stringify(single), whole: JSON.stringify(whole) }) as unknown[][]) {
        const o = officerOf(r);
        const list = byCommunity.get(o.community_id);
        if (list) list.push(o);
        else byCommunity.set(o.community_id, [o]);
      }
    }
    for (const r of rows) {
      const community = communityOf(r);
      const count = r[COUNT] as number;
      yield { community, roles: count === 0 ? [] : (JSON.parse(r[ROLES] as string) as (string | null)[]), officers: byCommunity.get(community.id) ?? [] };
    }
  }
}
