import fs from 'node:fs';
import path from 'node:path';
import { buildContext, type Context, type Io } from '../../src/context.js';
import { openDatabase } from '../../src/db/connection.js';
import { importRosters } from '../../src/core/import/run.js';
import { runValidation } from '../../src/core/rules/validate.js';
import { runDesk } from '../../src/ui/menu/menu.js';
import { fixture } from '../helpers/cli.js';
import { queryDb } from '../helpers/query.js';
import { seedDb } from '../helpers/db.js';
import { scripted, type FakePrompts, type Step } from './fake-prompts.js';

export const TODAY = '2026-01-10';

/** A writable that keeps what was written, and says it is a terminal. */
class Screen {
  text = '';
  isTTY = true;
  columns = 120;
  write(chunk: string | Uint8Array): boolean {
    this.text += String(chunk);
    return true;
  }
  on(): this {
    return this;
  }
}

export interface World {
  dir: string;
  dbFile: string;
  ctx: Context;
  stdout: Screen;
  stderr: Screen;
  query<T = any>(sql: string, ...params: unknown[]): T[];
  /** Runs the desk with the scripted clerk; returns the exit code and the prompts (for what they asked). */
  desk(steps: Step[]): Promise<{ code: number; prompts: FakePrompts }>;
}

/** A clerk's folder: a database with the office regency (Kota Probolinggo) and a terminal. */
export function world(options: { lang?: 'id' | 'en'; database?: boolean } = {}): World {
  const seeded = seedDb();
  seeded.db.close();
  if (options.database === false) fs.rmSync(seeded.file);
  const stdout = new Screen();
  const stderr = new Screen();
  const io: Io = {
    stdout: stdout as unknown as Io['stdout'],
    stderr: stderr as unknown as Io['stderr'],
    stdinIsTTY: true,
    env: { KIM_LANG: options.lang ?? 'en', KIM_TODAY: TODAY, KIM_OPERATOR: 'desk-clerk', NO_COLOR: '1' },
    cwd: seeded.dir,
  };
  const ctx = buildContext({}, io);
  return {
    dir: seeded.dir,
    dbFile: seeded.file,
    ctx,
    stdout,
    stderr,
    query: (sql, ...params) => queryDb(seeded.dir, sql, ...params),
    async desk(steps) {
      const prompts = scripted(steps);
      const code = await runDesk(ctx, prompts);
      if (prompts.mismatches.length > 0) throw new Error(`the desk and the script parted ways: ${prompts.mismatches.join('; ')}`);
      if (prompts.left() > 0) throw new Error(`the desk ended with ${prompts.left()} steps of the script unused; last asked: ${prompts.asked.at(-1)}`);
      return { code, prompts };
    },
  };
}

/** The Excel sample roster imported (as batch 1) and validated, without the desk. */
export async function withSampleImported(w: World): Promise<void> {
  const file = fixture(w.dir, 'rosters/probolinggo_excel_cp1252.csv');
  const db = openDatabase(w.dbFile);
  try {
    await importRosters(db, {
      files: [file], dryRun: false, strict: false, replaceRosters: false, encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: new Map() },
      operator: 'tester', today: TODAY, endReason: () => 'ended',
    });
    runValidation(db, { today: TODAY, operator: 'tester' });
  } finally {
    db.close();
  }
  fs.rmSync(file);
}

export const inFolder = (w: World, name: string) => path.join(w.dir, name);
