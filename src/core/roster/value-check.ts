import type { ColumnMatch } from './headers.js';
import type { ColumnTarget } from './fields.js';
import { looksLike } from './value-guess.js';

/** A column its heading sent to one field whose values all have the shape of another. */
export interface SuspectColumn {
  heading: string;
  field: ColumnTarget;
  looksLike: ColumnTarget;
}

/** Values read per column before judging: the first rows of the table. */
const SAMPLE = 30;
/** Fewer values than this say too little. */
const ENOUGH = 3;

/** The fields whose columns may hold values of a shape: a date column holds dates, whatever its date. */
const FITS: Partial<Record<ColumnTarget, readonly ColumnTarget[]>> = {
  birth_date: ['birth_date', 'sk_date', 'founded_date'],
  nik: ['nik'],
  nip: ['nip', 'nik'],
  phone: ['phone'],
  gender: ['gender'],
  role: ['role'],
};

/**
 * Watches the first rows of a table for a heading read wrongly: a column read as the village whose
 * values are all L or P ("Jns Kel" once was), a NIK column of phone numbers. Nothing is changed
 * on its word; the import says so, so the clerk checks the file before trusting its result.
 */
export class ColumnSampler {
  private readonly values = new Map<number, string[]>();
  private rows = 0;

  constructor(private readonly columns: readonly (ColumnMatch | null)[]) {
    columns.forEach((c, i) => {
      if (c?.status === 'mapped' && c.field && c.field !== '_ignore') this.values.set(i, []);
    });
  }

  get done(): boolean {
    return this.rows >= SAMPLE;
  }

  take(cells: readonly string[]): void {
    this.rows++;
    for (const [i, list] of this.values) {
      const v = (cells[i] ?? '').trim();
      if (v !== '') list.push(v);
    }
  }

  suspects(): SuspectColumn[] {
    const out: SuspectColumn[] = [];
    for (const [i, list] of this.values) {
      if (list.length < ENOUGH) continue;
      const shape = looksLike(list);
      const c = this.columns[i]!;
      if (shape && !(FITS[shape] ?? [shape]).includes(c.field!)) out.push({ heading: c.heading, field: c.field!, looksLike: shape });
    }
    return out;
  }
}
