import type { Db } from '../../db/connection.js';
import { recordChange } from '../../db/changes.js';
import { communityKey, villageKey as villageKeyOf } from '../ids/names.js';
import type { RegionResolver } from '../regions/resolve.js';
import type { RosterRecord } from '../roster/fields.js';
import type { Rejection } from '../roster/record.js';
import {
  COMMUNITY_FIELDS, COMMUNITY_IDENTITY_COLUMNS, derivedCommunity, officerChanges, rowValues, type OfficerValues,
} from './columns.js';
import { ImportStatements, type OfficerRow } from './statements.js';
import { Roster, TouchedRows } from './officer-index.js';
import { own } from '../ids/own.js';
import { pickKept } from './community-cells.js';

export interface Counts {
  communities: { created: number; updated: number; unchanged: number };
  officers: { created: number; updated: number; unchanged: number; ended: number };
}

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

  constructor(
    readonly id: number,
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
  private last?: CommunityState;

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly resolver: RegionResolver,
    private readonly now: string,
    operator: string,
  ) {
    this.sql = new ImportStatements(db, now, batchId);
    this.sql.operator = operator;
  }

  /** Each community's line, when there are few enough to read; otherwise only the totals. */
  get plan(): CommunityOutcome[] {
    return this.ids.size <= PLAN_LIMIT ? [...this.outcomes.values()] : [];
  }

  startFile(): void {
    this.touchedInFile = new TouchedRows(this.sql.nextOfficerId());
    this.communitiesInFile = new Set();
    this.last = undefined;
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
    this.writeCommunity(state, record);
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

  /** Finds the row's community (held, met before, or stored) without writing anything. */
  private locate(record: RosterRecord): Place {
    const district = record.district ?? '';
    const village = record.village ?? '';
    const resolved = this.resolver.resolve(record.regency ?? '', district, village);
    const villageKey = villageKeyOf(resolved.villageCode, district, village);
    const nameKey = communityKey(record.kim_name!);
    const key = `${villageKey}\u0001${nameKey}`;
    const id = this.ids.get(key);
    const place: Place = { key, villageKey, nameKey, districtCode: resolved.districtCode, villageCode: resolved.villageCode, village };
    if (id !== undefined && this.last?.id === id) return { ...place, state: this.last };
    // One community is held at a time; one met before is read again, and the database then
    // holds this batch's rows for it too.
    const stored = this.sql.findCommunity.get(villageKey, nameKey) as Record<string, unknown> | undefined;
    if (!stored) return place;
    const storedId = stored.id as number;
    const state = new CommunityState(storedId, pickKept(stored), this.outcomeOf(storedId, stored.name as string, (stored.village_text as string) ?? village, 'unchanged'));
    state.roster = Roster.of(this.sql.officersOf.all(storedId) as OfficerRow[]);
    this.ids.set(key, storedId);
    this.last = state;
    return { ...place, state };
  }

  private create(place: Place, record: RosterRecord): CommunityState {
    const values: Record<string, unknown> = {
      name: record.kim_name!, name_key: place.nameKey, village_key: place.villageKey, district_code: place.districtCode,
      village_code: place.villageCode, ...rowValues(record, COMMUNITY_FIELDS, derivedCommunity),
    };
    const id = this.sql.insertCommunity(values);
    this.status.set(id, 'created');
    this.counts.communities.created++;
    const state = new CommunityState(id, pickKept(values), this.outcomeOf(id, record.kim_name!, place.village, 'created'));
    state.roster = new Roster();
    this.ids.set(place.key, id);
    this.last = state;
    return state;
  }

  /** The row's community values (a blank never overwrites) and any number it carries. */
  private writeCommunity(state: CommunityState, record: RosterRecord): void {
    const id = state.id;
    this.communitiesInFile.add(id);
    const changes = this.communityChanges(state, record);
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

  private communityChanges(state: CommunityState, record: RosterRecord): Record<string, unknown> | null {
    let changes: Record<string, unknown> | null = null;
    for (const [column, value] of Object.entries(rowValues(record, COMMUNITY_FIELDS, derivedCommunity))) {
      if (state.values[column] === value) continue;
      // Identity text keeps its first spelling; a blank one is filled.
      if (COMMUNITY_IDENTITY_COLUMNS.has(column) && state.values[column]) continue;
      (changes ??= {})[column] = value;
    }
    return changes;
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
    if (!this.touchedInFile.has(found.id)) this.touchedInFile.set(found.id, row);
    let changes = officerChanges(found, incoming);
    // Named again in a roster: an officer who had been ended is active again.
    if (found.ended_at) changes = { ...changes, ended_at: null, end_reason: null };
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
