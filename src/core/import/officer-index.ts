import type { OfficerRow } from './statements.js';

/** One community's officers, by NIK key and by name key. */
export class Roster {
  private readonly byNik = new Map<string, OfficerRow>();
  private readonly byName = new Map<string, OfficerRow[]>();

  static of(rows: OfficerRow[]): Roster {
    const r = new Roster();
    for (const row of rows) r.add(row);
    return r;
  }

  add(row: OfficerRow): void {
    if (row.nik_key) this.byNik.set(row.nik_key, row);
    // A NIK the office corrected: the roster still writes the one the last import wrote.
    if (row.base) {
      const before = (JSON.parse(row.base as string) as { nik_key?: string | null }).nik_key;
      if (before && !this.byNik.has(before)) this.byNik.set(before, row);
    }
    const list = this.byName.get(row.name_key);
    if (list) list.push(row);
    else this.byName.set(row.name_key, [row]);
  }

  /** By NIK first; by name only when one side has no usable NIK. An active officer before an ended one. */
  find(nik: string | null, nameKey: string): OfficerRow | undefined {
    if (nik) {
      const hit = this.byNik.get(nik);
      if (hit) return hit;
    }
    let best: OfficerRow | undefined;
    for (const row of this.byName.get(nameKey) ?? []) {
      if (nik && row.nik_key) continue;
      if (!best || (best.ended_at && !row.ended_at)) best = row;
    }
    return best;
  }

  update(row: OfficerRow, changes: Record<string, unknown>): void {
    const oldNik = row.nik_key;
    const oldName = row.name_key;
    Object.assign(row, changes);
    if (row.nik_key !== oldNik) {
      if (oldNik && this.byNik.get(oldNik) === row) this.byNik.delete(oldNik);
      if (row.nik_key) this.byNik.set(row.nik_key, row);
    }
    if (row.name_key !== oldName) {
      const rest = (this.byName.get(oldName) ?? []).filter((r) => r !== row);
      if (rest.length) this.byName.set(oldName, rest);
      else this.byName.delete(oldName);
      const list = this.byName.get(row.name_key);
      if (list) list.push(row);
      else this.byName.set(row.name_key, [row]);
    }
  }
}



/**
 * Which officers the current file named, and on which row. The officers it created have
 * consecutive ids, so a typed array holds them in 4 bytes each; a map holds the others.
 */
export class TouchedRows {
  private created = new Int32Array(1024);
  private readonly others = new Map<number, number>();

  constructor(private readonly firstNewId: number) {}

  set(id: number, row: number): void {
    if (id < this.firstNewId) {
      this.others.set(id, row);
      return;
    }
    const i = id - this.firstNewId;
    if (i >= this.created.length) {
      const grown = new Int32Array(Math.max(this.created.length * 2, i + 1));
      grown.set(this.created);
      this.created = grown;
    }
    this.created[i] = row;
  }

  get(id: number): number | undefined {
    if (id < this.firstNewId) return this.others.get(id);
    const i = id - this.firstNewId;
    return i < this.created.length && this.created[i] !== 0 ? this.created[i] : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
}
