import fs from 'node:fs';
import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { RULES } from '../core/rules/catalog.js';
import { defaultRuleConfig, loadRuleConfig } from '../core/rules/config.js';
import { emit } from '../ui/output.js';
import { withDb } from './open.js';

/** The rules in force: the office's settings when a database exists, else the shipped defaults. */
export async function run(ctx: Context): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  const config = fs.existsSync(ctx.dbPath) ? await withDb(ctx, {}, loadRuleConfig) : defaultRuleConfig();
  const rows = RULES.map((r) => ({
    code: r.code,
    category: r.category,
    severity: config.severity[r.code],
    enabled: config.enabled[r.code],
    description: ctx.t(r.description),
  }));
  const keys = ['code', 'category', 'severity', 'enabled', 'description'] as const;
  const forPeople = ctx.format === 'table';
  await emit(
    ctx,
    {
      columns: keys.map((key) => ({ key, header: forPeople ? ctx.t(`rules.col.${key}`) : key })),
      // People read the words of their language; JSON and CSV keep the contract's codes.
      rows: forPeople
        ? rows.map((r) => ({
            ...r,
            category: ctx.t(`rules.category.${r.category}`),
            severity: ctx.t(`validate.severity.${r.severity}`),
            enabled: ctx.t(r.enabled ? 'word.yes' : 'word.no'),
          }))
        : rows,
    },
    rows,
  );
  return 0;
}
