import fs from 'node:fs';
import path from 'node:path';
import { deskStatus } from '../../core/desk/status.js';
import { importRosters, type ImportOptions, type ImportResult } from '../../core/import/run.js';
import { rejectionReason, rejectsCsv } from '../../core/import/rejects.js';
import { refreshValidation, revalidator } from '../../core/reports/freshness.js';
import { previewRoster, type RosterPreview } from '../../core/roster/preview.js';
import type { ColumnTarget } from '../../core/roster/fields.js';
import { rememberedColumns } from '../../core/settings/import.js';
import { getSetting } from '../../core/settings/registry.js';
import type { MessageKey } from '../messages/index.js';
import { writeFileAtomic } from '../../files.js';
import { renderTable } from '../render/table.js';
import { fitText } from '../render/text-width.js';
import { changesNothing, layoutLines } from '../render/import-view.js';
import { askUnknownColumns, previewText, rememberMapping, targetLabel, type Mapping } from './column-mapping.js';
import { chooseFileWins } from './conflict-flow.js';
import type { Desk } from './desk.js';
import type { Entry } from './prompts.js';

const TYPE_PATH = '\u0000type';

/** Roster-looking files in a folder (first the one kim was started in), newest first: where a clerk saves them. */
function csvFiles(dir: string): { name: string; mtime: number; size: number }[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.(csv|txt)$/i.test(e.name) && !e.name.startsWith('.'))
      .map((e) => {
        const s = fs.statSync(path.join(dir, e.name));
        return { name: e.name, mtime: s.mtimeMs, size: s.size };
      })
      .sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

const isFolder = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * The roster to import: picked from the folder's rosters, or typed. A folder typed lists the
 * rosters in it; going back from the typed path returns to the list, from the list to the menu.
 */
async function chooseFile(desk: Desk): Promise<string | undefined> {
  const { t } = desk;
  let dir = desk.ctx.io.cwd;
  for (;;) {
    const files = csvFiles(dir);
    let answer: string | undefined = TYPE_PATH;
    if (files.length > 0) {
      const entries: Entry<string>[] = [
        ...files.map((f) => ({ value: f.name, name: f.name, description: t('guided.fileInfo', { kb: Math.max(1, Math.round(f.size / 1024)), date: new Date(f.mtime).toISOString().slice(0, 10) }) })),
        { value: TYPE_PATH, name: t('guided.typePath') },
      ];
      answer = await desk.pick(t('guided.pickFile', { dir }), entries);
      if (answer === undefined) return undefined;
    } else if (dir !== desk.ctx.io.cwd) desk.say(t('guided.noRosters', { dir }));
    if (answer !== TYPE_PATH) return path.join(dir, answer);
    const typed = await desk.ask(t('guided.path'), {
      validate: (v) => (fs.existsSync(path.resolve(dir, v.trim())) ? null : t('import.noFile', { path: v.trim() })),
    });
    if (typed === undefined) {
      if (files.length > 0) continue;
      return undefined;
    }
    const target = path.resolve(dir, typed.trim());
    if (!isFolder(target)) return target;
    dir = target;
  }
}

/** The office's remembered headings; none before the first database exists. */
async function remembered(desk: Desk): Promise<Map<string, ColumnTarget>> {
  if (!desk.hasDb()) return new Map();
  return desk.db((db) => rememberedColumns(getSetting(db, 'import.columns')));
}

function planText(desk: Desk, result: ImportResult): string {
  const { t } = desk;
  const count = (k: 'created' | 'updated' | 'unchanged' | 'ended', o: { created: number; updated: number; unchanged: number; ended?: number }) => o[k] ?? '';
  const keys = ['created', 'updated', 'unchanged', 'ended'] as const;
  const totals = renderTable(
    {
      columns: [{ key: 'what', header: t('import.col.what') }, ...keys.map((k) => ({ key: k, header: t(`import.col.${k}` as MessageKey), align: 'right' as const }))],
      rows: [
        { what: t('import.col.communities'), ...Object.fromEntries(keys.map((k) => [k, count(k, result.communities)])) },
        { what: t('import.col.officers'), ...Object.fromEntries(keys.map((k) => [k, count(k, result.officers)])) },
      ],
    },
    desk.ctx.color,
    { width: desk.ctx.width },
  );
  const lines = [totals.trimEnd(), t('guided.rejectedCount', { count: result.rejected.length })];
  for (const r of result.rejected.slice(0, 10)) lines.push(`  ${t('guided.rejectLine', { row: r.row, reason: rejectionReason(t, r) })}`);
  if (result.rejected.length > 10) lines.push(`  …`);
  return lines.join('\n');
}


/** Rejected rows beside the roster, as a CSV to fix and import again; returns its path. */
function writeRejects(desk: Desk, file: string, result: ImportResult): string | undefined {
  if (result.rejected.length === 0) return undefined;
  const { t } = desk;
  const target = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}${t('guided.rejectsSuffix')}.csv`);
  writeFileAtomic(target, rejectsCsv(result.rejected, t));
  return target;
}

/**
 * The guided import: pick a file, see what kim makes of it, map the headings it does not know,
 * see the plan (a dry run of the very same import), confirm, import, and learn where the rejected
 * rows went. Nothing is written before the confirmation; Ctrl-C before it leaves no trace.
 */
export async function guidedImport(desk: Desk): Promise<void> {
  const { t, prompts, ctx } = desk;
  let file: string | undefined;
  let mapping: Mapping | undefined;
  let known = new Map<string, ColumnTarget>();
  let preview: RosterPreview | undefined;
  // Going back from the columns' questions returns to the choice of file.
  while (!mapping) {
    file = await chooseFile(desk);
    if (!file) return;
    known = await remembered(desk);
    preview = await previewRoster(file, { encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: known } });
    desk.say(t('guided.fileTitle', { file: path.basename(file) }));
    desk.say(previewText(desk, preview));
    mapping = await askUnknownColumns(desk, preview);
  }
  if (!file || !preview) return;
  // The clerk's answers are remembered on confirmation, and read as such from here on.
  const maps = { map: new Map(), remembered: new Map([...known, ...[...mapping].map(([key, m]) => [key, m.target] as const)]) };
  if (mapping.size > 0) {
    preview = await previewRoster(file, { encoding: 'auto', delimiter: 'auto', maps });
    desk.say(previewText(desk, preview));
  }
  if (preview.missing.length > 0) {
    desk.say(ctx.color.red(t('guided.missing', { fields: preview.missing.map((f) => targetLabel(t, f)).join(', ') })));
    return;
  }
  const options: ImportOptions = {
    files: [file], dryRun: true, strict: false, replaceRosters: false, encoding: preview.encoding, delimiter: preview.delimiter,
    maps, operator: ctx.operator, today: ctx.today, endReason: (batch) => t('import.endReason', { batch }),
  };
  const showPlan = async (planned: ImportOptions) => {
    const plan = await desk.db((db) => importRosters(db, planned), { create: true });
    desk.say(ctx.color.bold(t('import.dryRunTitle')));
    desk.say(planText(desk, plan));
    return plan;
  };
  const plan = await showPlan(options);
  // What the file does not say, or says under a heading its values contradict: before confirming.
  for (const line of layoutLines(t, plan).warn) desk.say(ctx.color.yellow(fitText(line, ctx.width)));
  if (!plan.regencySet) desk.say(ctx.color.yellow(t('import.noRegency')));
  for (const s of plan.seenBefore) desk.say(t(changesNothing(plan) ? 'import.sameFileAgain' : 'import.sameFileAgainChanged', { file: path.basename(s.file), batch: s.batch }));
  const fileWins = await chooseFileWins(desk, plan);
  if (fileWins === undefined) {
    desk.say(t('confirm.aborted'));
    return;
  }
  if (fileWins !== false) {
    // The plan is made again with the clerk's choice, so what is confirmed is what is applied.
    options.preferFile = fileWins;
    if (Array.isArray(fileWins)) desk.say(t('guided.conflict.taken', { count: fileWins.length }));
    await showPlan(options);
  }
  if (!(await prompts.confirm(t('guided.confirm', { file: path.basename(file) })))) {
    desk.say(t('confirm.aborted'));
    return;
  }
  const { result, problems } = await desk.db((db) => {
    rememberMapping(db, mapping, ctx.operator);
    const result = importRosters(db, { ...options, dryRun: false });
    return result.then((r) => {
      refreshValidation(db, revalidator(db, ctx));
      return { result: r, problems: deskStatus(db, ctx.today).withProblems };
    });
  });
  desk.say(ctx.color.bold(t('import.summaryTitle')));
  desk.say(planText(desk, result));
  if (mapping.size > 0) desk.say(t('guided.remembered', { headings: [...mapping.values()].map((m) => m.heading).join(', ') }));
  const rejects = writeRejects(desk, file, result);
  if (rejects) desk.say(ctx.color.yellow(t('import.rejectsWritten', { count: result.rejected.length, path: rejects })));
  desk.say(result.batch === null ? t('import.nothingImported') : t('guided.done', { batch: result.batch }));
  desk.say(problems > 0 ? ctx.color.yellow(t('guided.problemsNext', { count: problems })) : ctx.color.green(t('guided.noProblems')));
}
