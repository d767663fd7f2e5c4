import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import { findCommunity } from '../core/community-ref.js';
import { editAndCheck } from '../core/edit/edit-and-check.js';
import { OFFICER_FIELDS, type OfficerField } from '../core/edit/fields.js';
import { findOfficer } from '../core/edit/officer-ref.js';
import { editJson, editText } from '../ui/menu/edit-view.js';
import { renderJson, writeData } from '../ui/output.js';
import { withDb } from './open.js';

type Options = Partial<Record<OfficerField, string>> & { kim?: string; end?: string | boolean; reason?: string };

/** The fields the user gave, as typed; commander already named them as the core does. */
export function givenValues<F extends string>(fields: readonly F[], opts: Partial<Record<F, unknown>>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) if (typeof opts[f] === 'string') out[f] = opts[f] as string;
  return out;
}

/** `kim edit officer <id|NIK|name> [--kim <community>] --occupation … --end [date] --reason …` */
export async function run(ctx: Context, args: string[], opts: Options): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  const values = givenValues(OFFICER_FIELDS, opts);
  if (opts.reason !== undefined && opts.end === undefined) throw usageError('edit.reasonWithoutEnd');
  const end = opts.end === undefined ? undefined : { date: typeof opts.end === 'string' ? opts.end : undefined, reason: opts.reason ?? '' };
  if (Object.keys(values).length === 0 && !end) throw usageError('edit.nothingAsked.officer');
  const edit = await withDb(ctx, {}, (db) => {
    const within = opts.kim === undefined ? undefined : findCommunity(db, opts.kim).id;
    const officer = findOfficer(db, args[0] ?? '', within);
    return editAndCheck(db, { entity: 'officer', officerId: officer.id, values, end, operator: ctx.operator, today: ctx.today }, ctx.t);
  });
  writeData(ctx, ctx.format === 'json' ? renderJson(editJson(edit)) : editText(ctx.t, edit, ctx.color));
  return edit.validation.compliant ? 0 : 1;
}
