import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import { findCommunity } from '../core/community-ref.js';
import { editAndCheck } from '../core/edit/edit-and-check.js';
import { COMMUNITY_FIELDS, type CommunityField } from '../core/edit/fields.js';
import { editJson, editText } from '../ui/menu/edit-view.js';
import { renderJson, writeData } from '../ui/output.js';
import { givenValues } from './edit-officer.js';
import { withDb } from './open.js';

/** `kim edit community <id|number|name> --sk-number … --sk-date … --acknowledged … --village …` */
export async function run(ctx: Context, args: string[], opts: Partial<Record<CommunityField, string>>): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  const values = givenValues(COMMUNITY_FIELDS, opts);
  if (Object.keys(values).length === 0) throw usageError('edit.nothingAsked.community');
  const edit = await withDb(ctx, {}, (db) => {
    const community = findCommunity(db, args[0] ?? '');
    return editAndCheck(db, { entity: 'community', communityId: community.id, values, operator: ctx.operator, today: ctx.today }, ctx.t);
  });
  writeData(ctx, ctx.format === 'json' ? renderJson(editJson(edit)) : editText(ctx.t, edit, ctx.color));
  return edit.validation.compliant ? 0 : 1;
}
