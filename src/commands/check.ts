import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { busyTimeoutFromEnv } from '../db/connection.js';
import { checkDatabase, type CheckOutcome } from '../db/integrity.js';
import { openReadOnly } from '../db/readonly.js';
import { SCHEMA_VERSION } from '../db/schema.js';
import { EXIT } from '../errors.js';
import { emit } from '../ui/output.js';
import type { Dataset } from '../ui/render/dataset.js';

/** Problems listed in the table; the JSON carries all SQLite reported. */
const SHOWN_PROBLEMS = 10;

function dataset(ctx: Context, { report }: CheckOutcome): Dataset {
  const { t } = ctx;
  const rows = [
    { item: t('check.item.integrity'), result: report.integrity.length === 0 ? 'ok' : t('check.problems', { count: report.integrity.length }) },
    ...report.integrity.slice(0, SHOWN_PROBLEMS).map((problem) => ({ item: '', result: problem })),
    { item: t('check.item.foreignKeys'), result: report.foreignKeys === 0 ? 'ok' : t('check.problems', { count: report.foreignKeys }) },
    {
      item: t('check.item.schema'),
      result: t('check.schemaValue', { version: report.schemaVersion ?? '?', expected: report.expectedSchemaVersion }),
    },
  ];
  return {
    columns: [
      { key: 'item', header: t('check.col.item') },
      { key: 'result', header: t('check.col.result') },
    ],
    rows,
  };
}

/** One or two lines on stderr saying what the result means and what to do next. */
function verdict(ctx: Context, { report, schema }: CheckOutcome): void {
  const path = ctx.dbPath;
  const version = report.schemaVersion ?? 0;
  if (schema === 'unreadable') return ctx.warn(ctx.t('check.unreadable', { path, reason: report.integrity[0] }));
  if (schema === 'newer') return ctx.warn(ctx.t('db.newer', { path, version, supported: SCHEMA_VERSION }));
  if (schema === 'foreign') return ctx.warn(ctx.t('db.notKim', { path }));
  if (!report.ok) {
    // The sentence every writing command gives when it refuses a damaged file (db/soundness.ts).
    return ctx.warn(ctx.t('db.damaged', { path, problem: ctx.t('check.problemCounts', { problems: report.integrity.length, references: report.foreignKeys }) }));
  }
  if (schema === 'older') ctx.notice(ctx.t('check.older', { version, expected: SCHEMA_VERSION }));
  ctx.notice(ctx.t('check.sound', { path }));
}

/**
 * Reads the database through a read-only connection: checking never creates, migrates or
 * repairs anything, so a damaged file stays exactly as it was for whoever restores it.
 */
export async function run(ctx: Context, _args: string[], _opts: Record<string, unknown>): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  const db = openReadOnly(ctx.dbPath, busyTimeoutFromEnv(ctx.io.env));
  let outcome: CheckOutcome;
  try {
    outcome = checkDatabase(db);
  } finally {
    db.close();
  }
  await emit(ctx, dataset(ctx, outcome), outcome.report);
  verdict(ctx, outcome);
  return outcome.report.ok ? EXIT.OK : EXIT.ENVIRONMENT;
}
