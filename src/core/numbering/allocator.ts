import type { Db } from '../../db/connection.js';
import { maxSeq, overflows, renderNumber, scopeKey, type Template, type TokenValues } from './template.js';

export type Allocation =
  | { ok: true; number: string; seq: number; scope: string }
  | { ok: false; scope: string; max: number };

/**
 * Hands out the next free number in a scope. Must run inside the write transaction that also
 * records the number (assignNumbers does), so that two kim processes cannot both take it.
 *
 * The counter in number_sequences is only where the search starts: every candidate is checked
 * against `numbers` (given, imported and revoked alike) and the current community numbers, so an
 * imported `.02` is stepped over and a revoked number is never handed out again.
 */
export class Allocator {
  private readonly lastOf;
  private readonly saveLast;
  private readonly numberTaken;
  private readonly communityTaken;

  constructor(db: Db) {
    this.lastOf = db.prepare(`SELECT last FROM number_sequences WHERE scope = ?`).pluck();
    this.saveLast = db.prepare(
      `INSERT INTO number_sequences (scope, last) VALUES (?, ?)
       ON CONFLICT (scope) DO UPDATE SET last = max(last, excluded.last)`,
    );
    this.numberTaken = db.prepare(`SELECT 1 FROM numbers WHERE number = ?`).pluck();
    this.communityTaken = db.prepare(`SELECT 1 FROM communities WHERE number = ?`).pluck();
  }

  isTaken(number: string): boolean {
    return this.numberTaken.get(number) !== undefined || this.communityTaken.get(number) !== undefined;
  }

  /** Finds the next free number and advances the scope's counter to it. */
  next(template: Template, values: TokenValues): Allocation {
    const scope = scopeKey(template, values);
    const last = (this.lastOf.get(scope) as number | undefined) ?? 0;
    let seq = last + 1;
    for (;;) {
      if (overflows(template, seq)) {
        // Remember the taken numbers stepped over, so that after the template is widened the
        // count goes on at 100 instead of writing `.099` beside an imported `.99`.
        if (seq - 1 > last) this.saveLast.run(scope, seq - 1);
        // Refuse rather than write a wider number: `.100` after `.99` breaks the office's format.
        return { ok: false, scope, max: maxSeq(template)! };
      }
      const number = renderNumber(template, values, seq);
      if (!this.isTaken(number)) {
        this.saveLast.run(scope, seq);
        return { ok: true, number, seq, scope };
      }
      seq++;
    }
  }
}
