import type { Db } from '../../db/connection.js';
import { recordChange, setColumns } from '../../db/changes.js';
import { communityKey, villageKey as villageKeyOf } from '../ids/names.js';
import type { RegionResolver } from '../regions/resolve.js';
import type { RosterRecord } from '../roster/fields.js';
import type { Rejection } from '../roster/record.js';
import {
  baseAfterImport, COMMUNITY_FIELDS, COMMUNITY_IDENTITY_COLUMNS, derivedCommunity, officerChanges, rowValues, type OfficerValues,
} from './columns.js';
import { blindText, stillBlind } from '../roster/coverage.js';
import { sameMeaning } from '../roster/meaning.js';
import { ImportStatements, type OfficerRow } from './statements.js';
import { Roster, TouchedRows } from './officer-index.js';
import { own } from '../ids/own.js';
import { pickKept } from './community-cells.js';
import { refuseMerged } from '../province/scope.js';

export interface Counts {
  communities: { created: number; updated: number; unchanged: number };
  officers: { created: number; updated: number; unchanged: number; ended: number };
}

/**
 * A value kim did not take: two rows of one file giving one KIM (or one officer) different
 * values. The first row's value stands (`stored`); `file` is the other, on `row`.
 */
export interface Conflict {
  community: { id: number; name: string };
  officer: { id: number; name: string } | null;
  field: string;
  stored: string | null;
  file: string;
  row: number;
  /** The row that gave the value that stands. */
  firstRow: number | null;
  /** file: two rows of the file disagree; office: the office changed the field since the last import. */
  source: 'file' | 'office';
}

/** An officer column as the roster field it comes from; derived columns are not reported. */
const OFFICER_FIELD_OF: Record<string, string> = {
  name: 'officer_name', nik: 'nik', role: 'role', birth_place: 'birth_place', birth_date: 'birth_date', gender: 'gender',
  occupation: 'occupation', nip: 'nip', party: 'party', ngo: 'ngo', phone: 'phone', address: 'officer_address',
  employment_status: 'employment_status', notes: 'notes',
};

/** The file's side of the conflicts with the office: all of them, none, or these (conflictKey). */
export type PreferFile = boolean | ReadonlySet<string>;

/** How a conflict is named when the clerk takes the file's value for it alone. */
export const conflictKey = (entity: 'community' | 'officer', id: number, field: string) => `${entity}:${id}:${field}`;

/** The key of a conflict the import reported, to take the file's value for it alone next time. */
export const keyOfConflict = (c: Conflict) => (c.officer ? conflictKey('officer', c.officer.id, c.field) : conflictKey('community', c.community.id, c.field));

/** Enough conflicts to read and to fix a file by; a file with more has a deeper problem. */
const CONFLICTS_KEPT = 1000;

type Status = 'created' | 'updated' | 'unchanged';

/** What happened to one community in this import: the plan a person reads. */
export interface CommunityOutcome {
  id: number;
  name: string;
  village: string;
  action: Status;
  officers: { created: number; updated: number; unchanged: number; ended: number };
}

/** The community rows are being applied to. Only one exists at a time. */
class CommunityState {
  /** The officers of this community, read once when it comes up: no query per row. */
  roster: Roster | undefined = undefined;
  /** The community signature of the last row applied (see communitySignature). */
  signature: string | undefined = undefined;

  /** Per COMMUNITY_FIELDS entry, the row of the current file that gave it, and its value (while this community is held). */
  readonly rows: number[] = [];
  readonly firstValues: string[] = [];
  private parsedBase: Record<string, unknown> | null | undefined;

  /** What the last import wrote for the fields the office changed since (see db/changes.ts). */
  base(): Record<string, unknown> | null {
    const text = this.values.base as string | null | undefined;
    if (this.parsedBase === undefined || text !== this.parsedText) {
      this.parsedText = text;
      this.parsedBase = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    }
    return this.parsedBase;
  }
  private parsedText: string | null | undefined;

  constructor(
    readonly id: number,
    readonly name: string,
    /** Stored values, for change detection. */
    readonly values: Record<string, unknown>,
    /** Where this community's officer counts go (its line of the plan, or nowhere). */
    readonly officers: CommunityOutcome['officers'],
  ) {}
}

/** Where a row's community is, found before anything is written. */
interface Place {
  key: string;
  villageKey: string;
  nameKey: string;
  districtCode: string | null;
  villageCode: string | null;
  village: string;
  /** How uncertainly the village or district was recognised (JSON), or null. */
  note: string | null;
  state?: CommunityState;
}

/** A plan longer than this is not shown line by line, so it is not kept either. */
const PLAN_LIMIT = 50;

/**
 * Applies roster rows inside the caller's transaction. The plan and its application are one
 * code path, so a dry run (rolled back) reports exactly what a real run does. Per community, only
 * its id and how it was counted stay in memory; its values and officers are read when it comes up.
 */
export class ImportSession {
  readonly counts: Counts = {
    communities: { created: 0, updated: 0, unchanged: 0 },
    officers: { created: 0, updated: 0, unchanged: 0, ended: 0 },
  };
  private readonly sql: ImportStatements;
  /** Identity key → community id, for every community this import has met. */
  private readonly ids = new Map<string, number>();
  /** How each community has been counted so far; absent = met but not yet counted. */
  private readonly status = new Map<number, Status>();
  /** Communities whose before-image this batch has recorded. */
  private readonly beforeKept = new Set<number>();
  private readonly outcomes = new Map<number, CommunityOutcome>();
  /** Officers that existed before this batch, by how they have been counted so far. */
  private readonly existingOfficers = new Map<number, Status>();
  /** Officer id → first row of the current file that named them. */
  private touchedInFile = new TouchedRows(1);
  private communitiesInFile = new Set<number>();
  /** Per community met in the current file, which of its fields the file has given (bit per COMMUNITY_FIELDS entry). */
  private givenInFile = new Map<number, number>();
  /** What the rules need that the current file has no column for, and as stored on a KIM. */
  private fileBlind: readonly string[] = [];
  private fileBlindText: string | null = null;
  private last?: CommunityState;
  readonly conflicts: Conflict[] = [];
  /** All conflicts, when more than CONFLICTS_KEPT were found. */
  conflictCount = 0;

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly resolver: RegionResolver,
    private readonly now: string,
    operator: string,
    /** Which conflicts with the office's edits the file wins: all (--prefer-file), none, or those the clerk chose. */
    private readonly preferFile: PreferFile = false,
  ) {
    this.sql = new ImportStatements(db, now, batchId);
    this.sql.operator = operator;
  }

  private prefers(entity: 'community' | 'officer', id: number, field: string): boolean {
    const p = this.preferFile;
    return p === true || (p !== false && p.has(conflictKey(entity, id, field)));
  }

  /** Each community's line, when there are few enough to read; otherwise only the totals. */
  get plan(): CommunityOutcome[] {
    return this.ids.size <= PLAN_LIMIT ? [...this.outcomes.values()] : [];
  }

  startFile(): void {
    this.touchedInFile = new TouchedRows(this.sql.nextOfficerId());
    this.communitiesInFile = new Set();
    this.givenInFile = new Map();
    this.fileBlind = [];
    this.fileBlindText = null;
    this.last = undefined;
  }

  /** The file's header is read: `blind` is what the rules need that it has no column for. */
  useColumns(blind: readonly string[]): void {
    this.fileBlind = blind;
    this.fileBlindText = blindText(blind);
  }

  /**
   * Applies one row, or rejects it when it conflicts with an earlier row or with what is stored.
   * Every check comes before the first write, so a rejected row changes nothing. The row comes
   * as its community signature, its officer's values, and its community fields, read only when
   * the signature differs from the last row applied.
   */
  applyRow(row: number, signature: string, incoming: OfficerValues, community: () => RosterRecord): Omit<Rejection, 'cells'> | null {
    // Rows of one KIM repeat its columns: when they repeat the previous row's exactly, the
    // community is settled already and only the officer needs work.
    const last = this.last;
    if (last?.signature === signature) {
      const match = this.matchOfficer(last, incoming, row);
      return 'reject' in match ? match.reject : this.writeOfficer(last, incoming, match.found, row);
    }
    const record = community();
    const place = this.locate(record);
    const numberProblem = this.numberProblem(place.state, record, row);
    if (numberProblem) return numberProblem;
    const match = place.state ? this.matchOfficer(place.state, incoming, row) : { found: undefined };
    if ('reject' in match) return match.reject;
    const state = place.state ?? this.create(place, record);
    this.writeCommunity(state, record, row);
    // Kept for the whole community: a copy, not a cut of the file's text it may pin.
    state.signature = own(signature);
    return this.writeOfficer(state, incoming, match.found, row);
  }

  /** --replace-rosters: officers of the file's communities that the file no longer lists are ended. */
  endMissingOfficers(today: string, reason: string): void {
    for (const id of this.communitiesInFile) {
      for (const o of this.sql.activeOfficers.all(id) as { id: number }[]) {
        if (this.touchedInFile.has(o.id)) continue;
        recordChange(this.db, { batchId: this.batchId }, 'officer', o.id, 'end', this.sql.officerBefore(o.id));
        this.sql.endOfficer.run(today, reason, this.now, this.batchId, o.id);
        this.counts.officers.ended++;
        const outcome = this.outcomes.get(id);
        if (outcome) outcome.officers.ended++;
        const prior = this.existingOfficers.get(o.id);
        if (prior === 'unchanged') {
          this.counts.officers.unchanged--;
          if (outcome) outcome.officers.unchanged--;
        }
        this.existingOfficers.set(o.id, 'updated');
      }
    }
  }

  /**
   * Each change the batch made, cut to what really changed: the fields, before and after (the
   * before-image keeps the stamps, for undo). Changes that came to nothing are no changes: a
   * value one file of the batch changed and a later one (or a later row) put back, as when a
   * roster and its follow-up are imported together again. They go, the records keep their old
   * stamps, and they count as unchanged.
   */
  settle(): void {
    const rows = this.db
      .prepare(`SELECT ch.id, ch.entity, ch.entity_id, ch.action, ch.before FROM changes ch WHERE ch.batch_id = ?`)
      .all(this.batchId) as { id: number; entity: 'community' | 'officer'; entity_id: number; action: string; before: string }[];
    const drop = this.db.prepare(`DELETE FROM changes WHERE id = ?`);
    const cut = this.db.prepare(`UPDATE changes SET before = ?, after = ? WHERE id = ?`);
    for (const r of rows) {
      const before = JSON.parse(r.before) as Record<string, unknown>;
      const now = this.sql.current(r.entity, r.entity_id, Object.keys(before));
      if (!now) continue;
      const changed = Object.keys(before).filter((c) => c !== 'updated_at' && c !== 'last_batch' && now[c] !== before[c]);
      if (changed.length > 0 || r.action !== 'update') {
        const kept: Record<string, unknown> = { updated_at: before.updated_at, last_batch: before.last_batch };
        const after: Record<string, unknown> = {};
        for (const c of changed) {
          kept[c] = before[c];
          after[c] = now[c];
        }
        cut.run(JSON.stringify(kept), JSON.stringify(after), r.id);
        continue;
      }
      setColumns(this.db, r.entity, r.entity_id, { updated_at: before.updated_at, last_batch: before.last_batch });
      drop.run(r.id);
      if (r.entity === 'community') {
        this.counts.communities.updated--;
        this.counts.communities.unchanged++;
        this.status.set(r.entity_id, 'unchanged');
        const outcome = this.outcomes.get(r.entity_id);
        if (outcome?.action === 'updated') outcome.action = 'unchanged';
      } else {
        this.counts.officers.updated--;
        this.counts.officers.unchanged++;
        this.existingOfficers.set(r.entity_id, 'unchanged');
        const outcome = this.outcomes.get(now.community_id as number);
        if (outcome) {
          outcome.officers.updated--;
          outcome.officers.unchanged++;
        }
      }
    }
  }

  /** Finds the row's community (held, met before, or stored) without writing anything. */
  private locate(record: RosterRecord): Place {
    const district = record.district ?? '';
    const village = record.village ?? '';
    const resolved = this.resolver.resolve(record.regency ?? '', district, village);
    const villageKey = villageKeyOf(resolved.villageCode, district, village);
    const nameKey = communityKey(record.kim_name!);
    const key = `${villageKey}\u0001${nameKey}`;
    const id = this.ids.get(key);
    const note = resolved.note ? JSON.stringify(resolved.note) : null;
    const place: Place = { key, villageKey, nameKey, districtCode: resolved.districtCode, villageCode: resolved.villageCode, village, note };
    if (id !== undefined && this.last?.id === id) return { ...place, state: this.last };
    // One community is held at a time; one met before is read again, and the database then
    // holds this batch's rows for it too.
    const stored = (this.sql.findCommunity.get(villageKey, nameKey) ?? this.sql.findMoved(villageKey, nameKey)) as Record<string, unknown> | undefined;
    if (!stored) return place;
    if (stored.office) refuseMerged(this.db, stored.id as number);
    const storedId = stored.id as number;
    const state = new CommunityState(storedId, own(stored.name as string), pickKept(stored), this.outcomeOf(storedId, stored.name as string, (stored.village_text as string) ?? village, 'unchanged'));
    state.roster = Roster.of(this.sql.officersOf.all(storedId) as OfficerRow[]);
    this.ids.set(key, storedId);
    this.last = state;
    return { ...place, state };
  }

  private create(place: Place, record: RosterRecord): CommunityState {
    const values: Record<string, unknown> = {
      name: record.kim_name!, name_key: place.nameKey, village_key: place.villageKey, district_code: place.districtCode,
      village_code: place.villageCode, region_note: place.note, blind: this.fileBlindText,
      ...rowValues(record, COMMUNITY_FIELDS, derivedCommunity),
    };
    const id = this.sql.insertCommunity(values);
    this.status.set(id, 'created');
    this.counts.communities.created++;
    const state = new CommunityState(id, own(record.kim_name!), pickKept(values), this.outcomeOf(id, record.kim_name!, place.village, 'created'));
    state.roster = new Roster();
    this.ids.set(place.key, id);
    this.last = state;
    return state;
  }

  /** The row's community values (a blank never overwrites) and any number it carries. */
  private writeCommunity(state: CommunityState, record: RosterRecord, row: number): void {
    const id = state.id;
    this.communitiesInFile.add(id);
    const changes = this.communityChanges(state, record, row);
    const number = record.community_number && record.community_number !== state.values.number ? record.community_number : undefined;
    if (number) {
      if (!this.sql.numberOwner.get(number)) this.sql.reserveNumber.run(number, id, this.batchId, this.now, this.sql.operator);
    }
    const all = number ? { ...changes, number } : changes;
    if (all) {
      if (this.status.get(id) !== 'created') this.markUpdated(state);
      this.sql.updateCommunity(id, all);
      Object.assign(state.values, pickKept(all));
    } else if (!this.status.has(id)) {
      this.status.set(id, 'unchanged');
      this.counts.communities.unchanged++;
    }
  }

  private outcomeOf(id: number, name: string, village: string, action: Status): CommunityOutcome['officers'] {
    const known = this.outcomes.get(id);
    if (known) return known.officers;
    const officers = { created: 0, updated: 0, unchanged: 0, ended: 0 };
    if (this.outcomes.size < PLAN_LIMIT) this.outcomes.set(id, { id, name: own(name), village: own(village), action, officers });
    return officers;
  }

  /** A community that existed before this batch changes: keep its before-image once, count it once. */
  private markUpdated(state: CommunityState): void {
    if (!this.beforeKept.has(state.id)) {
      recordChange(this.db, { batchId: this.batchId }, 'community', state.id, 'update', this.sql.communityBefore(state.id));
      this.beforeKept.add(state.id);
    }
    const prior = this.status.get(state.id);
    if (prior === 'updated') return;
    if (prior === 'unchanged') this.counts.communities.unchanged--;
    this.counts.communities.updated++;
    this.status.set(state.id, 'updated');
    const outcome = this.outcomes.get(state.id);
    if (outcome) outcome.action = 'updated';
  }

  /**
   * What a row changes on its KIM: each filled cell that says something else than what is stored.
   * A value only spelled another way is no change; a value the same file already gave otherwise
   * on another row is a conflict, reported, and the first row's value stands.
   */
  private communityChanges(state: CommunityState, record: RosterRecord, row: number): Record<string, unknown> | null {
    let changes: Record<string, unknown> | null = null;
    let given = this.givenInFile.get(state.id) ?? 0;
    const base = state.base();
    for (let i = 0; i < COMMUNITY_FIELDS.length; i++) {
      const [field, column] = COMMUNITY_FIELDS[i]!;
      const value = record[field];
      if (value === undefined || value === '') continue;
      const bit = 1 << i;
      const stored = (state.values[column] as string | null | undefined) ?? null;
      // What the last import wrote: the stored value, unless the office changed it since.
      const imported = base && column in base ? (base[column] as string | null) : stored;
      if (given & bit) {
        // Another row of this file: it must say what the first one did.
        const earlier = state.firstValues[i];
        const agrees = earlier !== undefined ? sameMeaning(field, earlier, value) : sameMeaning(field, stored, value) || sameMeaning(field, imported, value);
        if (!agrees) this.conflict({ community: { id: state.id, name: state.name }, officer: null, field, stored, file: value, row, firstRow: state.rows[i] ?? null, source: 'file' });
        continue;
      }
      given |= bit;
      state.rows[i] = row;
      state.firstValues[i] = value;
      if (sameMeaning(field, imported, value) || sameMeaning(field, stored, value)) continue;
      // Identity text keeps its first spelling; a blank one is filled.
      if (COMMUNITY_IDENTITY_COLUMNS.has(column) && stored) continue;
      if (base && column in base && !this.prefers('community', state.id, field)) {
        // The office changed it, and the file brings another value: the office's stands.
        this.conflict({ community: { id: state.id, name: state.name }, officer: null, field, stored, file: value, row, firstRow: null, source: 'office' });
        continue;
      }
      Object.assign((changes ??= {}), { [column]: value }, derivedCommunity(column, value));
    }
    if (changes && base) changes.base = baseAfterImport(base, changes);
    this.givenInFile.set(state.id, given);
    // One roster with the column is enough for the rules to see: the KIM is no longer blind there.
    const storedBlind = (state.values.blind as string | null | undefined) ?? null;
    // Most KIMs were made by a roster like this one: blind where it is.
    const blind = storedBlind === this.fileBlindText ? storedBlind : stillBlind(storedBlind, this.fileBlind);
    if (blind !== storedBlind) (changes ??= {}).blind = blind;
    return changes;
  }

  private conflict(c: Conflict): void {
    this.conflictCount++;
    if (this.conflicts.length < CONFLICTS_KEPT) this.conflicts.push({ ...c, community: { id: c.community.id, name: own(c.community.name) }, stored: c.stored && own(c.stored), file: own(c.file) });
  }

  /** A number written in an office's old roster is honoured once and reserved for good, unless it clashes. */
  private numberProblem(state: CommunityState | undefined, record: RosterRecord, row: number): Omit<Rejection, 'cells'> | null {
    const number = record.community_number;
    if (!number) return null;
    const current = (state?.values.number as string | null | undefined) ?? null;
    if (current === number) return null;
    if (current) return { row, column: 'community_number', code: 'numberMismatch', params: { number, current } };
    const taken = this.sql.numberOwner.get(number) as { community_id: number | null; name: string | null } | undefined;
    if (taken && (!state || taken.community_id !== state.id)) {
      return { row, column: 'community_number', code: 'numberTaken', params: { number, other: taken.name ?? '?' } };
    }
    return null;
  }

  /** The stored officer this row names, or a rejection when its NIK belongs to someone else in this file. */
  private matchOfficer(community: CommunityState, incoming: OfficerValues, row: number): { found: OfficerRow | undefined } | { reject: Omit<Rejection, 'cells'> } {
    const nik = incoming.nik_key;
    const found = community.roster!.find(nik, incoming.name_key);
    if (found && nik && found.nik_key === nik && found.name_key !== incoming.name_key && this.touchedInFile.has(found.id)) {
      return { reject: { row, column: 'nik', code: 'nikConflict', params: { nik, firstRow: this.touchedInFile.get(found.id)!, otherName: found.name } } };
    }
    return { found };
  }

  private writeOfficer(community: CommunityState, incoming: OfficerValues, found: OfficerRow | undefined, row: number): null {
    const roster = community.roster!;
    if (!found) {
      const id = this.sql.insertOfficer(community.id, incoming);
      roster.add(Object.assign(incoming, { id, ended_at: null, created_batch: this.batchId }) as unknown as OfficerRow);
      this.touchedInFile.set(id, row);
      this.counts.officers.created++;
      community.officers.created++;
      return null;
    }
    const firstRow = this.touchedInFile.get(found.id);
    if (firstRow === undefined) this.touchedInFile.set(found.id, row);
    const base = found.base ? (JSON.parse(found.base as string) as Record<string, unknown>) : null;
    const three = base ? { base, prefer: (column: string) => this.prefers('officer', found.id, OFFICER_FIELD_OF[column] ?? column), conflicts: [] as string[] } : undefined;
    let changes = officerChanges(found, incoming, three);
    const officer = { id: found.id, name: found.name };
    const report = (columns: readonly string[], source: Conflict['source'], first: number | null) => {
      for (const column of columns) {
        const field = OFFICER_FIELD_OF[column];
        if (field) this.conflict({ community: { id: community.id, name: community.name }, officer, field, stored: (found[column] as string | null) ?? null, file: incoming[column as keyof OfficerValues] as string, row, firstRow: first, source });
      }
    };
    if (changes && firstRow !== undefined) {
      // The same officer twice in one file, saying different things: the first row stands.
      report(Object.keys(changes), 'file', firstRow);
      changes = null;
    } else if (three?.conflicts.length) report(three.conflicts, 'office', null);
    // Named again in a roster: an officer an import had ended is active again; one the office
    // ended stays ended (the import wrote them active, and the file says no more).
    if (found.ended_at && !(base && 'ended_at' in base)) changes = { ...changes, ended_at: null, end_reason: null };
    if (changes && base) changes.base = baseAfterImport(base, changes);
    const createdHere = found.created_batch === this.batchId;
    if (!changes) {
      if (!createdHere && !this.existingOfficers.has(found.id)) {
        this.existingOfficers.set(found.id, 'unchanged');
        this.counts.officers.unchanged++;
        community.officers.unchanged++;
      }
      return null;
    }
    if (!createdHere) {
      const prior = this.existingOfficers.get(found.id);
      if (prior !== 'updated') {
        recordChange(this.db, { batchId: this.batchId }, 'officer', found.id, 'update', this.sql.officerBefore(found.id));
        if (prior === 'unchanged') {
          this.counts.officers.unchanged--;
          community.officers.unchanged--;
        }
        this.counts.officers.updated++;
        community.officers.updated++;
        this.existingOfficers.set(found.id, 'updated');
      }
    }
    this.sql.updateOfficer(found.id, changes);
    roster.update(found, changes);
    return null;
  }
}
