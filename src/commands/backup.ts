import path from 'node:path';
import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { audit } from '../db/audit.js';
import { copyDatabase, type BackupResult } from '../db/backup.js';
import { busyTimeoutFromEnv, writeTransaction } from '../db/connection.js';
import { openReadOnly, requireKimSchema } from '../db/readonly.js';
import { acceptCheck } from '../db/soundness.js';
import { confirmOverwrite } from '../ui/prompts.js';
import { renderJson, writeData } from '../ui/output.js';
import { formatBytes } from '../ui/bytes.js';
import { requireWritableTarget } from '../files.js';
import { openForCommand } from './open.js';

/** Refuses targets that would destroy data or cannot be written; true when the clerk agreed to go on. */
async function checkTarget(ctx: Context, target: string): Promise<boolean> {
  requireWritableTarget(target, ctx.dbPath);
  return confirmOverwrite(ctx, target);
}

/** The copy is what matters; a log entry that has to wait too long for the write lock is only warned about. */
function recordBackup(ctx: Context, result: BackupResult): void {
  try {
    const db = openForCommand(ctx);
    try {
      // The copy just passed the same check as a copy of this file: reading it all again would
      // double the time of a large backup (0.4 s at a million officers).
      acceptCheck(db, null);
      writeTransaction(db, () =>
        audit(db, { operator: ctx.operator, action: 'backup', entity: 'database', details: { file: result.file, bytes: result.bytes } }),
      );
    } finally {
      db.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      ctx.warn(ctx.t('backup.notLogged', { path: result.file }));
      return;
    }
    throw error;
  }
}

export async function run(ctx: Context, args: string[], _opts: Record<string, unknown>): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  const target = path.resolve(ctx.io.cwd, args[0]!);
  if (!(await checkTarget(ctx, target))) {
    ctx.notice(ctx.t('confirm.aborted'));
    return 0;
  }
  // Read-only: the copy is the file as it is, before any upgrade a writing command would make.
  const source = openReadOnly(ctx.dbPath, busyTimeoutFromEnv(ctx.io.env));
  let result: BackupResult;
  try {
    const version = requireKimSchema(source, ctx.dbPath);
    result = await copyDatabase(source, target, version);
  } finally {
    source.close();
  }
  recordBackup(ctx, result);
  if (ctx.format === 'json') writeData(ctx, renderJson(result));
  else ctx.notice(ctx.t('backup.done', { path: result.file, size: formatBytes(result.bytes, ctx.lang), version: result.schemaVersion }));
  return 0;
}
