import { audit } from '../../db/audit.js';
import { maskNik } from '../../core/ids/mask.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import type { PreviewColumn, RosterPreview } from '../../core/roster/preview.js';
import { COLUMN_TARGETS, type ColumnTarget } from '../../core/roster/fields.js';
import { likelyFields } from '../../core/roster/value-guess.js';
import { getSetting, setSetting } from '../../core/settings/registry.js';
import type { MessageKey, Translate } from '../messages/index.js';
import type { Desk } from './desk.js';
import type { Choice } from './prompts.js';

/** A field in the clerk's words. */
export function targetLabel(t: Translate, target: ColumnTarget): string {
  return t(`guided.field.${target}` as MessageKey);
}

/**
 * The header → field list with sample values, one line per column, cut to the terminal's width
 * (a boxed table of three columns does not fit the 80 columns many desks still have).
 */
export function previewText(desk: Desk, preview: RosterPreview): string {
  const { t, ctx } = desk;
  const delimiter = preview.delimiter === '\t' ? 'tab' : preview.delimiter;
  const lines = [t('guided.detected', { encoding: preview.encoding + (preview.bom ? ' (BOM)' : ''), delimiter, row: preview.headerRow })];
  const field = (c: PreviewColumn) => {
    if (c.target === '_ignore') return t('guided.ignored');
    if (c.target !== null) return targetLabel(t, c.target);
    if (c.duplicate) return t('guided.duplicate');
    return c.candidates.length ? t('guided.unclear', { fields: c.candidates.map((f) => t(`guided.field.${f}` as MessageKey)).join(' / ') }) : t('guided.unknown');
  };
  const columns = preview.columns.filter((c) => c.heading !== '');
  const headingWidth = Math.min(28, Math.max(...columns.map((c) => c.heading.length)));
  const fieldWidth = Math.max(...columns.map((c) => field(c).length));
  const width = Math.max(60, (ctx.io.stdout.columns ?? 100) - 1);
  for (const c of columns) {
    // NIKs are personal data: masked on screen as everywhere else, even from the clerk's own file.
    const samples = c.samples.map((v) => (c.target === 'nik' ? maskNik(v)! : v)).join(' · ');
    const line = `  ${c.heading.slice(0, headingWidth).padEnd(headingWidth)} → ${field(c).padEnd(fieldWidth)}  ${samples}`;
    const cut = line.length > width ? line.slice(0, width - 1) + '…' : line;
    lines.push(c.target === null ? ctx.color.yellow(cut) : cut);
  }
  return lines.join('\n');
}

export type Mapping = Map<string, { heading: string; target: ColumnTarget }>;

const SKIP = '__skip__';

/**
 * Asks, for each heading the import could not place, which field it holds: the likeliest fields
 * first (what its words half said, what its values look like, what the rules still lack), then
 * "leave out", then every other field. A field already fed by another column cannot be chosen
 * twice. Nothing is written here: the choices are remembered only when the import they belong to
 * is run (see rememberMapping). Undefined when the clerk goes back.
 */
export async function askUnknownColumns(desk: Desk, preview: RosterPreview): Promise<Mapping | undefined> {
  const { t } = desk;
  const chosen: Mapping = new Map();
  const taken = new Map<ColumnTarget, string>();
  for (const c of preview.columns) if (c.target && c.target !== '_ignore') taken.set(c.target, c.heading);
  for (const c of preview.columns) {
    if (c.target !== null || c.duplicate || c.heading === '') continue;
    const likely = likelyFields(c.candidates, c.samples, new Set(taken.keys()));
    const rest = COLUMN_TARGETS.filter((f) => f !== '_ignore' && !likely.includes(f));
    const field = (f: ColumnTarget): Choice<string> => ({
      value: f,
      name: targetLabel(t, f),
      disabled: taken.has(f) ? t('guided.takenBy', { heading: taken.get(f)! }) : false,
    });
    const answer = await desk.pick<string>(
      t('guided.whatIs', { heading: c.heading, samples: c.samples.slice(0, 3).join(' · ') || t('word.none') }),
      [...likely.map(field), { value: '_ignore', name: t('guided.ignoreAlways') }, { value: SKIP, name: t('guided.skipOnce') }, ...rest.map(field)],
    );
    if (answer === undefined) return undefined;
    if (answer === SKIP) continue;
    chosen.set(c.key, { heading: c.heading, target: answer as ColumnTarget });
    if (answer !== '_ignore') taken.set(answer as ColumnTarget, c.heading);
  }
  return chosen;
}

/** Stores the clerk's choices in `import.columns`, audited like `kim config set`, for every later file. */
export function rememberMapping(db: Db, mapping: Mapping, operator: string): void {
  if (mapping.size === 0) return;
  writeTransaction(db, () => {
    const previous = getSetting<Record<string, ColumnTarget>>(db, 'import.columns');
    const next = { ...previous };
    for (const { heading, target } of mapping.values()) next[heading] = target;
    const value = setSetting(db, 'import.columns', JSON.stringify(next));
    audit(db, { operator, action: 'config.set', entity: 'setting', details: { key: 'import.columns', value, previous } });
  });
}
