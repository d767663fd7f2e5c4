import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import type { Db } from '../db/connection.js';
import { usageError } from '../errors.js';
import { findCommunities, findCommunity } from '../core/community-ref.js';
import { assignNumbers, type NumberingResult } from '../core/numbering/assign.js';
import { SKIP } from '../core/numbering/eligibility.js';
import { revokeNumber } from '../core/numbering/revoke.js';
import { runValidation } from '../core/rules/validate.js';
import type { Dataset } from '../ui/render/dataset.js';
import { emit } from '../ui/output.js';
import { withDb } from './open.js';

interface NumberOptions {
  dryRun?: boolean;
  revoke?: string;
  reason?: string;
}

export async function run(ctx: Context, args: string[], opts: NumberOptions): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  if (opts.revoke !== undefined) {
    if (args.length > 0) throw usageError('number.revoke.withNames');
    if (!opts.reason?.trim()) throw usageError('number.revoke.needsReason');
    return withDb(ctx, {}, (db) => revoke(ctx, db, opts.revoke!, opts.reason!, opts.dryRun === true));
  }
  if (opts.reason !== undefined) throw usageError('number.reasonWithoutRevoke');
  return withDb(ctx, {}, async (db) => {
    // Names are resolved before anything is written, so a typo changes nothing (exit 2).
    const ids = args.length > 0 ? findCommunities(db, args).map((c) => c.id) : undefined;
    const result = assignNumbers(db, {
      communityIds: ids,
      today: ctx.today,
      operator: ctx.operator,
      dryRun: opts.dryRun === true,
      validate: (communityIds) => runValidation(db, { communityIds, today: ctx.today, operator: ctx.operator }),
    });
    await render(ctx, result);
    return exitCode(result);
  });
}

/**
 * Exit 1 when a community the clerk named could not be numbered, or when an eligible community
 * could not get a number (the template ran out). Unnamed communities that fail validation are
 * listed, but are the expected state of a roster under repair: exit 0.
 */
function exitCode(result: NumberingResult): number {
  return result.skipped.some((s) => s.named || s.rules.includes(SKIP.OVERFLOW)) ? 1 : 0;
}

async function render(ctx: Context, result: NumberingResult): Promise<void> {
  const json = {
    assigned: result.assigned,
    skipped: result.skipped.map((s) => ({ community: s.community, rules: s.rules })),
  };
  const given = ctx.t(result.dryRun ? 'number.result.wouldGive' : 'number.result.given');
  const data: Dataset = {
    title: ctx.t('number.title'),
    columns: [
      { key: 'id', header: ctx.t('number.col.id'), align: 'right' },
      { key: 'community', header: ctx.t('number.col.community') },
      { key: 'number', header: ctx.t('number.col.number') },
      { key: 'result', header: ctx.t('number.col.result') },
      { key: 'rules', header: ctx.t('number.col.rules') },
    ],
    rows: [
      ...result.assigned.map((a) => ({ id: a.community.id, community: a.community.name, number: a.number, result: given, rules: '' })),
      ...result.skipped.map((s) => ({
        id: s.community.id,
        community: s.community.name,
        number: '',
        result: ctx.t('number.result.skipped'),
        rules: s.rules.join(', '),
      })),
    ],
  };
  await emit(ctx, data, json, { emptyText: ctx.t('number.nothing') });
  explain(ctx, result);
}

/** Sentences on stderr for what the table cannot say: why, and what to do next. */
function explain(ctx: Context, result: NumberingResult): void {
  for (const c of result.alreadyNumbered) ctx.notice(ctx.t('number.alreadyNumbered', { ...c }));
  let ruleHint = false;
  for (const s of result.skipped) {
    const who = { name: s.community.name, id: s.community.id, template: result.template };
    if (s.rules.includes(SKIP.OVERFLOW)) ctx.warn(ctx.t('number.hint.overflow', { ...who, scope: s.scope, max: s.max }));
    else if (s.rules.includes(SKIP.ENDED)) ctx.warn(ctx.t('number.hint.ended', who));
    else if (s.rules.includes(SKIP.NOT_VALIDATED)) ctx.warn(ctx.t('number.hint.notValidated', who));
    else if (s.rules.length === 1 && s.rules[0] === SKIP.REVOKED) ctx.notice(ctx.t('number.hint.revoked', who));
    else if (s.missingTokens) ctx.warn(ctx.t('number.hint.region', who));
    else ruleHint = true;
  }
  if (ruleHint) ctx.notice(ctx.t('number.hint.rules'));
  const counts = { assigned: result.assigned.length, skipped: result.skipped.length };
  ctx.notice(ctx.t(result.dryRun ? 'number.summary.dryRun' : 'number.summary', counts));
}

async function revoke(ctx: Context, db: Db, text: string, reason: string, dryRun: boolean): Promise<number> {
  const community = findCommunity(db, text);
  const revoked = revokeNumber(db, { communityId: community.id, reason, operator: ctx.operator, dryRun });
  if (ctx.format === 'table') {
    const params = { number: revoked.number, name: revoked.community.name, id: revoked.community.id, reason: revoked.reason };
    ctx.notice(ctx.t(dryRun ? 'number.revoked.dryRun' : 'number.revoked', params));
    return 0;
  }
  const data: Dataset = {
    columns: [
      { key: 'id', header: 'id' },
      { key: 'community', header: 'community' },
      { key: 'number', header: 'number' },
      { key: 'reason', header: 'reason' },
    ],
    rows: [{ id: revoked.community.id, community: revoked.community.name, number: revoked.number, reason: revoked.reason }],
  };
  await emit(ctx, data, { revoked: [revoked], dryRun });
  return 0;
}
