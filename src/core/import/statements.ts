import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { COMMUNITY_COLUMNS, COMMUNITY_VALUE_COLUMNS, OFFICER_COLUMNS, setColumns, type Entity } from '../../db/changes.js';
import { OFFICER_VALUE_COLUMNS, type OfficerValues } from './columns.js';

export type OfficerRow = Record<string, unknown> & {
  id: number;
  name: string;
  name_key: string;
  nik_key: string | null;
  ended_at: string | null;
  created_batch: number | null;
};

const UPDATABLE_COMMUNITY = [...COMMUNITY_COLUMNS].filter((c) => c !== 'ended_at' && c !== 'end_reason');
const UPDATABLE_OFFICER = [...OFFICER_COLUMNS];

/** A string as an SQL literal. */
function sqlText(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** The import's prepared statements, prepared once per import. */
export class ImportStatements {
  readonly findCommunity: Statement;
  private readonly findMovedCommunity: Statement;
  /** Whether any KIM was moved by the office since its last import (almost never): else no lookup is needed. */
  private readonly anyMoved: boolean;
  readonly officersOf: Statement;
  readonly activeOfficers: Statement;
  readonly endOfficer: Statement;
  readonly numberOwner: Statement;
  readonly reserveNumber: Statement;
  operator = 'kim';
  private readonly insertCommunityStmt: Statement;
  private readonly insertOfficerStmt: Statement;
  /** Most rosters have no status or remarks column: their rows bind two values fewer. */
  private readonly insertPlainOfficerStmt: Statement;
  private readonly communityBeforeStmt: Statement;
  private readonly officerBeforeStmt: Statement;

  constructor(
    private readonly db: Db,
    private readonly now: string,
    private readonly batch: number,
  ) {
    // The time and batch are the same on every row of an import: written into the statement
    // once, they are not bound a million times (a tenth of each officer insert).
    const stamp = `${sqlText(now)}, ${sqlText(now)}, ${Math.trunc(batch)}, ${Math.trunc(batch)}`;
    this.findCommunity = db.prepare(`SELECT * FROM communities WHERE village_key = ? AND name_key = ?`);
    this.findMovedCommunity = db.prepare(
      `SELECT * FROM communities WHERE json_extract(base, '$.village_key') = ? AND name_key = ? AND base IS NOT NULL ORDER BY id LIMIT 1`,
    );
    // The base's place is written only by the office's own edits, never by an import: known up front.
    this.anyMoved = db.prepare(`SELECT EXISTS (SELECT 1 FROM communities WHERE json_extract(base, '$.village_key') IS NOT NULL AND base IS NOT NULL)`).pluck().get() === 1;
    this.officersOf = db.prepare(`SELECT * FROM officers WHERE community_id = ?`);
    this.activeOfficers = db.prepare(`SELECT id FROM officers WHERE community_id = ? AND ended_at IS NULL`);
    this.endOfficer = db.prepare(`UPDATE officers SET ended_at = ?, end_reason = ?, updated_at = ?, last_batch = ? WHERE id = ?`);
    this.numberOwner = db.prepare(`SELECT n.community_id, c.name FROM numbers n LEFT JOIN communities c ON c.id = n.community_id WHERE n.number = ?`);
    this.reserveNumber = db.prepare(
      `INSERT INTO numbers (number, community_id, source, batch_id, assigned_at, operator) VALUES (?, ?, 'imported', ?, ?, ?)`,
    );
    this.insertCommunityStmt = db.prepare(
      `INSERT INTO communities (${COMMUNITY_VALUE_COLUMNS.join(', ')}, created_at, updated_at, created_batch, last_batch)
       VALUES (${COMMUNITY_VALUE_COLUMNS.map(() => '?').join(', ')}, ${stamp})`,
    );
    const insert = (columns: readonly string[]) =>
      db.prepare(
        `INSERT INTO officers (community_id, ${columns.join(', ')}, created_at, updated_at, created_batch, last_batch)
         VALUES (?, ${columns.map(() => '?').join(', ')}, ${stamp})`,
      );
    this.insertOfficerStmt = insert(OFFICER_VALUE_COLUMNS);
    this.insertPlainOfficerStmt = insert(OFFICER_VALUE_COLUMNS.filter((c) => c !== 'employment_status' && c !== 'notes'));
    this.communityBeforeStmt = db.prepare(`SELECT ${UPDATABLE_COMMUNITY.join(', ')} FROM communities WHERE id = ?`);
    this.officerBeforeStmt = db.prepare(`SELECT ${UPDATABLE_OFFICER.join(', ')} FROM officers WHERE id = ?`);
  }

  insertCommunity(values: Record<string, unknown>): number {
    // Spread, not one array: better-sqlite3 reads an array argument element by element through
    // V8's API (a million 14-value rows: 3.0 s as arrays, 2.1 s spread).
    return Number(this.insertCommunityStmt.run(...COMMUNITY_VALUE_COLUMNS.map((c) => values[c] ?? null)).lastInsertRowid);
  }

  /** A KIM the office moved to another village, by the place the last import gave it. */
  findMoved(villageKey: string, nameKey: string): unknown {
    return this.anyMoved ? this.findMovedCommunity.get(villageKey, nameKey) : undefined;
  }

  insertOfficer(communityId: number, v: OfficerValues): number {
    if (v.employment_status === null && v.notes === null) {
      return Number(
        this.insertPlainOfficerStmt.run(
          communityId, v.name, v.name_key, v.nik, v.nik_key, v.role, v.birth_place, v.birth_date, v.birth_date_iso, v.gender,
          v.sex, v.occupation, v.nip, v.party, v.ngo, v.phone, v.address,
        ).lastInsertRowid,
      );
    }
    return Number(
      this.insertOfficerStmt.run(
        communityId, v.name, v.name_key, v.nik, v.nik_key, v.role, v.birth_place, v.birth_date, v.birth_date_iso, v.gender,
        v.sex, v.occupation, v.nip, v.party, v.ngo, v.phone, v.address, v.employment_status, v.notes,
      ).lastInsertRowid,
    );
  }

  /** The id SQLite gives the next officer (rowids grow by one within the import's transaction). */
  nextOfficerId(): number {
    return (this.db.prepare(`SELECT coalesce(max(id), 0) + 1 AS n FROM officers`).get() as { n: number }).n;
  }

  /** A record's columns as they are now (the officer's community with them), to compare with a before-image. */
  current(entity: Entity, id: number, columns: string[]): Record<string, unknown> | undefined {
    const allowed = entity === 'community' ? UPDATABLE_COMMUNITY : UPDATABLE_OFFICER;
    const wanted = columns.filter((c) => allowed.includes(c));
    const table = entity === 'community' ? 'communities' : 'officers';
    const extra = entity === 'officer' ? ', community_id' : '';
    return this.db.prepare(`SELECT ${wanted.join(', ')}${extra} FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  }

  communityBefore(id: number): Record<string, unknown> {
    return this.communityBeforeStmt.get(id) as Record<string, unknown>;
  }

  officerBefore(id: number): Record<string, unknown> {
    return this.officerBeforeStmt.get(id) as Record<string, unknown>;
  }

  updateCommunity(id: number, changes: Record<string, unknown>): void {
    this.update('community', COMMUNITY_COLUMNS, id, changes);
  }

  updateOfficer(id: number, changes: Record<string, unknown>): void {
    this.update('officer', OFFICER_COLUMNS, id, changes);
  }

  /** Only the columns an import may change, stamped with its time and batch. */
  private update(entity: Entity, allowed: Set<string>, id: number, changes: Record<string, unknown>): void {
    const values: Record<string, unknown> = { updated_at: this.now, last_batch: this.batch };
    for (const c of Object.keys(changes)) if (allowed.has(c)) values[c] = changes[c];
    setColumns(this.db, entity, id, values);
  }
}
