import fs from 'node:fs';
import path from 'node:path';
import type { Format } from '../../context.js';
import { assignNumbers } from '../../core/numbering/assign.js';
import { listCommunities } from '../../core/reports/browse.js';
import { refreshValidation, revalidator } from '../../core/reports/freshness.js';
import { previousQuarter, ROMAN, type Quarter } from '../../core/reports/quarter.js';
import { runValidation } from '../../core/rules/validate.js';
import type { MessageKey } from '../messages/index.js';
import { requireWritableTarget } from '../../files.js';
import { command, problemWith, type Desk } from './desk.js';
import { isProvincial } from '../../core/province/scope.js';
import { recapScope } from './province-flow.js';
import { openCommunity } from './review-flow.js';

/** The quarter that ended last before `today`: what an office reports on. */
export function lastEndedQuarter(today: string): Quarter {
  const month = Number(today.slice(5, 7));
  return previousQuarter({ year: Number(today.slice(0, 4)), quarter: Math.ceil(month / 3) as Quarter['quarter'] });
}

/** Numbers: the plan first (the same assignment, rolled back), then a confirmation, then the real run. */
export async function assignNumbersStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  const plan = await desk.db((db) =>
    assignNumbers(db, { today: ctx.today, operator: ctx.operator, dryRun: true, validate: (ids) => runValidation(db, { communityIds: ids, today: ctx.today, operator: ctx.operator }) }),
  );
  for (const a of plan.assigned) desk.say(t('menu.number.would', { name: a.community.name, number: a.number }));
  if (plan.skipped.length) desk.say(t('menu.number.skipped', { count: plan.skipped.length }));
  if (plan.assigned.length === 0) {
    desk.say(t('number.nothing'));
    return;
  }
  if (!(await desk.prompts.confirm(t('menu.number.confirm', { count: plan.assigned.length })))) {
    desk.say(t('confirm.aborted'));
    return;
  }
  const number = await command(() => import('../../commands/number.js'));
  await number.run({ ...ctx, format: 'table', yes: true }, [], {});
}

const RECAP_FORMATS: Format[] = ['table', 'xlsx', 'csv', 'md'];

/**
 * Asks for a file to write (Enter takes the suggestion); a file already there is replaced only when
 * the clerk says so, else the name is asked again. Undefined when the clerk goes back.
 */
async function askFile(desk: Desk, suggestion: string): Promise<string | undefined> {
  const { t, prompts, ctx } = desk;
  for (;;) {
    const name = await desk.ask(t('menu.file'), { default: suggestion });
    if (name === undefined) return undefined;
    const file = path.resolve(ctx.io.cwd, name.trim());
    // The checks every --out gets (never the database, a folder that exists and may be written).
    const refused = problemWith(desk, () => requireWritableTarget(file, ctx.dbPath));
    if (refused !== null) {
      desk.say(ctx.color.red(refused));
      continue;
    }
    if (!fs.existsSync(file) || (await prompts.confirm(t('target.confirmOverwrite', { path: file })))) return file;
    desk.say(t('confirm.aborted'));
  }
}

/**
 * The quarterly recap: which quarter (the one just ended first), on screen or into a file. Each
 * question goes back to the one before it.
 */
export async function recapStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  const quarters: Quarter[] = [lastEndedQuarter(ctx.today)];
  while (quarters.length < 8) quarters.push(previousQuarter(quarters[quarters.length - 1]!));
  const label = (q: Quarter) => t('menu.recap.quarter', { roman: ROMAN[q.quarter - 1], year: q.year });
  const key = (q: Quarter) => `${q.year}-${q.quarter}`;
  for (;;) {
    const chosen = await desk.pick<string>(t('menu.recap.which'), quarters.map((q) => ({ value: key(q), name: label(q) })), { default: key(quarters[0]!) });
    if (chosen === undefined) return;
    const q = quarters.find((x) => key(x) === chosen)!;
    scope: for (;;) {
      // At the province: the regencies as rows, or one regency's recap (an office is not asked).
      const scope = await recapScope(desk);
      if (scope === undefined) break;
      const asked = scope.by !== undefined || scope.regency !== undefined;
      for (;;) {
        const format = await desk.pick<Format>(t('menu.recap.format'), RECAP_FORMATS.map((f) => ({ value: f, name: t(`menu.format.${f}` as MessageKey) })));
        if (format === undefined) {
          if (asked) continue scope;
          break scope;
        }
        const out = format === 'table' ? undefined : await askFile(desk, t('menu.recap.fileName', { year: q.year, quarter: q.quarter, ext: format }));
        if (format !== 'table' && !out) continue;
        const recap = await command(() => import('../../commands/report-recap.js'));
        await recap.run({ ...ctx, format, out }, [], { year: String(q.year), quarter: String(q.quarter), ...scope });
        return;
      }
    }
  }
}

/** Find a KIM by a word of its name, village or number; show it, and fix it if needed. */
export async function findStep(desk: Desk): Promise<void> {
  const { t, prompts, ctx } = desk;
  for (;;) {
    const text = (await desk.ask(t('menu.find.what')))?.trim();
    if (text === undefined) return;
    const { lines, provincial } = await desk.db((db) => {
      refreshValidation(db, revalidator(db, ctx));
      return { lines: listCommunities(db, { today: ctx.today, search: text }), provincial: isProvincial(db) };
    });
    if (lines.length === 0) {
      desk.say(t('menu.find.none', { text }));
      continue;
    }
    const verdict = (c: boolean | null) => (c === null ? '' : c ? t('menu.find.compliant') : t('menu.find.noncompliant'));
    const id = await desk.pick<number>(
      t('menu.find.pick', { count: lines.length }),
      lines.map((l) => ({ value: l.id, name: `${l.name} (${l.village ?? '?'}, ${l.district ?? '?'}) ${l.number ?? ''} ${verdict(l.compliant)}`.replace(/ +/g, ' ').trim() })),
    );
    if (id === undefined) continue;
    const show = await command(() => import('../../commands/show.js'));
    await show.run({ ...ctx, format: 'table', out: undefined }, [String(id)], {});
    // A merged KIM is fixed at its office: `show` says which.
    if (!provincial && (await prompts.confirm(t('menu.find.fix')))) await openCommunity(desk, id);
    return;
  }
}

/** A backup into a file the clerk names (today's date suggested), beside the database by default. */
export async function backupStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  const file = await askFile(desk, t('menu.backup.fileName', { date: ctx.today }));
  if (!file) return;
  const backup = await command(() => import('../../commands/backup.js'));
  // The overwrite was confirmed above; the command must not ask on its own.
  await backup.run({ ...ctx, format: 'table', yes: true, out: undefined }, [file], {});
}
