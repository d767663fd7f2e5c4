import fs from 'node:fs';
import path from 'node:path';
import type { Format } from '../../context.js';
import { assignNumbers } from '../../core/numbering/assign.js';
import { listCommunities } from '../../core/reports/browse.js';
import { refreshValidation, revalidator } from '../../core/reports/freshness.js';
import { previousQuarter, ROMAN, type Quarter } from '../../core/reports/quarter.js';
import { runValidation } from '../../core/rules/validate.js';
import type { MessageKey } from '../messages/index.js';
import { command, type Desk } from './desk.js';
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

/** Asks for a file to write; a file already there is replaced only when the clerk says so. */
async function askFile(desk: Desk, suggestion: string): Promise<string | undefined> {
  const { t, prompts, ctx } = desk;
  const name = await prompts.input(t('menu.file'), { default: suggestion, validate: (v) => (v.trim() ? null : t('menu.fileRequired')) });
  const file = path.resolve(ctx.io.cwd, name.trim());
  if (fs.existsSync(file) && !(await prompts.confirm(t('backup.confirmOverwrite', { path: file })))) {
    desk.say(t('confirm.aborted'));
    return undefined;
  }
  return file;
}

/** The quarterly recap: which quarter (the one just ended first), on screen or into a file. */
export async function recapStep(desk: Desk): Promise<void> {
  const { t, prompts, ctx } = desk;
  const quarters: Quarter[] = [lastEndedQuarter(ctx.today)];
  while (quarters.length < 8) quarters.push(previousQuarter(quarters[quarters.length - 1]!));
  const label = (q: Quarter) => t('menu.recap.quarter', { roman: ROMAN[q.quarter - 1], year: q.year });
  const key = (q: Quarter) => `${q.year}-${q.quarter}`;
  const chosen = await prompts.select<string>(t('menu.recap.which'), quarters.map((q) => ({ value: key(q), name: label(q) })), { default: key(quarters[0]!) });
  const q = quarters.find((x) => key(x) === chosen)!;
  const scope = await recapScope(desk);
  const format = await prompts.select<Format>(t('menu.recap.format'), RECAP_FORMATS.map((f) => ({ value: f, name: t(`menu.format.${f}` as MessageKey) })));
  let out: string | undefined;
  if (format !== 'table') {
    out = await askFile(desk, t('menu.recap.fileName', { year: q.year, quarter: q.quarter, ext: format }));
    if (!out) return;
  }
  const recap = await command(() => import('../../commands/report-recap.js'));
  await recap.run({ ...ctx, format, out }, [], { year: String(q.year), quarter: String(q.quarter), ...scope });
  if (out) desk.say(t('menu.written', { path: out }));
}

/** Find a KIM by a word of its name, village or number; show it, and fix it if needed. */
export async function findStep(desk: Desk): Promise<void> {
  const { t, prompts, ctx } = desk;
  const text = await prompts.input(t('menu.find.what'));
  if (!text.trim()) return;
  const { lines, provincial } = await desk.db((db) => {
    refreshValidation(db, revalidator(db, ctx));
    return { lines: listCommunities(db, { today: ctx.today, search: text.trim() }), provincial: isProvincial(db) };
  });
  if (lines.length === 0) {
    desk.say(t('menu.find.none', { text: text.trim() }));
    return;
  }
  const verdict = (c: boolean | null) => (c === null ? '' : c ? t('menu.find.compliant') : t('menu.find.noncompliant'));
  const id = await prompts.select<number>(t('menu.find.pick', { count: lines.length }), [
    ...lines.map((l) => ({ value: l.id, name: `${l.name} (${l.village ?? '?'}, ${l.district ?? '?'}) ${l.number ?? ''} ${verdict(l.compliant)}`.replace(/ +/g, ' ').trim() })),
    { value: -1, name: t('menu.back') },
  ]);
  if (id === -1) return;
  const show = await command(() => import('../../commands/show.js'));
  await show.run({ ...ctx, format: 'table', out: undefined }, [String(id)], {});
  // A merged KIM is fixed at its office: `show` says which.
  if (!provincial && (await prompts.confirm(t('menu.find.fix')))) await openCommunity(desk, id);
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
