import type { Db } from '../../db/connection.js';
import { recordChange } from '../../db/changes.js';
import { communityKey } from '../ids/names.js';
import type { RegionResolver } from '../regions/resolve.js';
import type { RosterRecord } from '../roster/fields.js';
import type { Rejection } from '../roster/record.js';
import {
  COMMUNITY_FIELDS, COMMUNITY_IDENTITY_COLUMNS, OFFICER_FIELDS, derivedCommunity, derivedOfficer, rowValues,
} from './columns.js';
import { ImportStatements, type OfficerRow } from './statements.js';

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

interface FreshOfficers {
  byNik: Map<string, number>;
  byName: Map<string, number>;
  withoutNikByName: Map<string, number>;
}

const newFresh = (): FreshOfficers => ({ byNik: new Map(), byName: new Map(), withoutNikByName: new Map() });

interface CommunityState extends CommunityOutcome {
  status: Status | null;
  beforeKept: boolean;
  values: Record<string, unknown>;
  /** While a new community's rows come one after another, its officers are known here: no query per row. */
  fresh?: FreshOfficers;
}

/**
 * Applies roster rows inside the caller's transaction. The plan and its application are one
 * code path, so a dry run (rolled back) reports exactly what a real run does. Memory holds a
 * small state per community and the ids of officers touched by the current file, nothing per cell.
 */
export class ImportSession {
  readonly counts: Counts = {
    communities: { created: 0, updated: 0, unchanged: 0 },
    officers: { created: 0, updated: 0, unchanged: 0, ended: 0 },
  };
  private readonly sql: ImportStatements;
  private readonly communities = new Map<string, CommunityState>();
  private readonly outcomes: CommunityState[] = [];
  /** Officers that existed before this batch, by how they have been counted so far. */
  private readonly existingOfficers = new Map<number, Status>();
  /** Officer id → first row of the current file that named them. */
  private touchedInFile = new Map<number, number>();
  private communitiesInFile = new Set<CommunityState>();
  private last?: CommunityState;

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly resolver: RegionResolver,
    private readonly now: string,
    operator: string,
  ) {
    this.sql = new ImportStatements(db);
    this.sql.operator = operator;
  }

  get plan(): CommunityOutcome[] {
    return this.outcomes.map(({ id, name, village, action, officers }) => ({ id, name, village, action, officers }));
  }

  startFile(): void {
    this.touchedInFile = new Map();
    this.communitiesInFile = new Set();
    this.last = undefined;
  }

  /** Applies one row; a rejection when it conflicts with an earlier row or with what is stored. */
  applyRow(row: number, record: RosterRecord): Omit<Rejection, 'cells'> | null {
    const community = this.community(record);
    const problem = this.communityNumber(community, record, row);
    if (problem) return problem;
    return this.officer(community, record, row);
  }

  /** --replace-rosters: officers of the file's communities that the file no longer lists are ended. */
  endMissingOfficers(today: string, reason: string): void {
    for (const c of this.communitiesInFile) {
      for (const o of this.sql.activeOfficers.all(c.id) as { id: number }[]) {
        if (this.touchedInFile.has(o.id)) continue;
        recordChange(this.db, { batchId: this.batchId }, 'officer', o.id, 'end', this.sql.officerBefore(o.id));
        this.sql.endOfficer.run(today, reason, this.now, this.batchId, o.id);
        this.counts.officers.ended++;
        c.officers.ended++;
        const prior = this.existingOfficers.get(o.id);
        if (prior === 'unchanged') this.counts.officers.unchanged--;
        this.existingOfficers.set(o.id, 'updated');
      }
    }
  }

  private community(record: RosterRecord): CommunityState {
    const district = record.district ?? '';
    const village = record.village ?? '';
    const resolved = this.resolver.resolve(record.regency ?? '', district, village);
    const villageKey = resolved.villageCode ?? `?${communityKey(district)}|${communityKey(village)}`;
    const nameKey = communityKey(record.kim_name!);
    const key = `${villageKey}\u0001${nameKey}`;
    let state = this.last && this.last.values.village_key === villageKey && this.last.values.name_key === nameKey ? this.last : this.communities.get(key);
    if (!state) {
      const stored = this.sql.findCommunity.get(villageKey, nameKey) as Record<string, unknown> | undefined;
      const base = { officers: { created: 0, updated: 0, unchanged: 0, ended: 0 }, beforeKept: false };
      if (stored) {
        state = { ...base, id: stored.id as number, name: stored.name as string, village: (stored.village_text as string) ?? village, action: 'unchanged', status: null, values: stored };
      } else {
        const values: Record<string, unknown> = {
          name: record.kim_name!, name_key: nameKey, village_key: villageKey, district_code: resolved.districtCode,
          village_code: resolved.villageCode, ...rowValues(record, COMMUNITY_FIELDS, derivedCommunity),
        };
        const id = this.sql.insertCommunity(values, this.now, this.batchId);
        state = { ...base, id, name: record.kim_name!, village, action: 'created', status: 'created', values, fresh: newFresh() };
        this.counts.communities.created++;
      }
      this.communities.set(key, state);
      this.outcomes.push(state);
    }
    if (state !== this.last) {
      // The fast path holds only while this community's rows are contiguous in a new community.
      if (this.last) this.last.fresh = undefined;
      if (this.communitiesInFile.has(state)) state.fresh = undefined;
      this.last = state;
    }
    this.communitiesInFile.add(state);
    if (state.status !== 'created') this.updateCommunity(state, record);
    else this.fillCommunity(state, record);
    return state;
  }

  /** A community created by this batch takes later rows' values without before-images. */
  private fillCommunity(state: CommunityState, record: RosterRecord): void {
    const changes = this.communityChanges(state, record);
    if (changes) {
      this.sql.updateCommunity(state.id, changes, this.now, this.batchId);
      Object.assign(state.values, changes);
    }
  }

  private updateCommunity(state: CommunityState, record: RosterRecord): void {
    const changes = this.communityChanges(state, record);
    if (!changes) {
      if (state.status === null) {
        state.status = 'unchanged';
        this.counts.communities.unchanged++;
      }
      return;
    }
    if (!state.beforeKept) {
      recordChange(this.db, { batchId: this.batchId }, 'community', state.id, 'update', this.sql.communityBefore(state.id));
      state.beforeKept = true;
    }
    if (state.status !== 'updated') {
      if (state.status === 'unchanged') this.counts.communities.unchanged--;
      this.counts.communities.updated++;
      state.status = 'updated';
      state.action = 'updated';
    }
    this.sql.updateCommunity(state.id, changes, this.now, this.batchId);
    Object.assign(state.values, changes);
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

  /** A number written in an office's old roster is honoured once, and reserved for good. */
  private communityNumber(state: CommunityState, record: RosterRecord, row: number): Omit<Rejection, 'cells'> | null {
    const number = record.community_number;
    if (!number) return null;
    const current = state.values.number as string | null;
    if (current === number) return null;
    if (current) return { row, column: 'community_number', code: 'numberMismatch', params: { number, current } };
    const taken = this.sql.numberOwner.get(number) as { community_id: number | null; name: string | null } | undefined;
    if (taken && taken.community_id !== state.id) {
      return { row, column: 'community_number', code: 'numberTaken', params: { number, other: taken.name ?? '?' } };
    }
    if (!taken) this.sql.reserveNumber.run(number, state.id, this.batchId, this.now, this.sql.operator);
    if (state.status !== 'created') {
      if (!state.beforeKept) {
        recordChange(this.db, { batchId: this.batchId }, 'community', state.id, 'update', this.sql.communityBefore(state.id));
        state.beforeKept = true;
      }
      if (state.status !== 'updated') {
        if (state.status === 'unchanged') this.counts.communities.unchanged--;
        this.counts.communities.updated++;
        state.status = 'updated';
        state.action = 'updated';
      }
    }
    this.sql.updateCommunity(state.id, { number }, this.now, this.batchId);
    state.values.number = number;
    return null;
  }

  private officer(community: CommunityState, record: RosterRecord, row: number): Omit<Rejection, 'cells'> | null {
    const incoming = rowValues(record, OFFICER_FIELDS, derivedOfficer);
    const nik = (incoming.nik_key as string | null | undefined) ?? null;
    const nameKey = incoming.name_key as string;
    let found: OfficerRow | undefined;
    if (community.fresh) {
      const f = community.fresh;
      const id = nik ? (f.byNik.get(nik) ?? f.withoutNikByName.get(nameKey)) : f.byName.get(nameKey);
      found = id === undefined ? undefined : (this.sql.officerById.get(id) as OfficerRow);
    } else {
      found = nik ? (this.sql.officerByNik.get(community.id, nik) as OfficerRow | undefined) : undefined;
      found ??= this.sql.officerByName.get(community.id, nameKey, nik) as OfficerRow | undefined;
    }
    if (found && nik && found.nik_key === nik && found.name_key !== nameKey && this.touchedInFile.has(found.id)) {
      return { row, column: 'nik', code: 'nikConflict', params: { nik, firstRow: this.touchedInFile.get(found.id)!, otherName: found.name } };
    }
    if (!found) {
      const id = this.sql.insertOfficer(community.id, incoming, this.now, this.batchId);
      if (community.fresh) remember(community.fresh, id, nik, nameKey);
      this.touchedInFile.set(id, row);
      this.counts.officers.created++;
      community.officers.created++;
      return null;
    }
    if (!this.touchedInFile.has(found.id)) this.touchedInFile.set(found.id, row);
    const changes: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(incoming)) {
      if (found[column] !== value) changes[column] = value;
    }
    // Named again in a roster: an officer who had been ended is active again.
    if (found.ended_at) Object.assign(changes, { ended_at: null, end_reason: null });
    const createdHere = found.created_batch === this.batchId;
    if (Object.keys(changes).length === 0) {
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
    this.sql.updateOfficer(found.id, changes, this.now, this.batchId);
    if (community.fresh) remember(community.fresh, found.id, (changes.nik_key as string | undefined) ?? found.nik_key, (changes.name_key as string | undefined) ?? found.name_key);
    return null;
  }
}

function remember(f: FreshOfficers, id: number, nik: string | null, nameKey: string): void {
  if (nik) {
    f.byNik.set(nik, id);
    if (f.withoutNikByName.get(nameKey) === id) f.withoutNikByName.delete(nameKey);
  } else if (!f.withoutNikByName.has(nameKey)) f.withoutNikByName.set(nameKey, id);
  if (!f.byName.has(nameKey)) f.byName.set(nameKey, id);
}
