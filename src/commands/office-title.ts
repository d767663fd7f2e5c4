import type { Context } from '../context.js';
import type { Db } from '../db/connection.js';
import { officeRegencyCode, regionName } from '../db/regions.js';
import { titleCase } from '../core/regions/reference.js';
import { longDate } from '../ui/render/format.js';

/** The title of a list saved to print: whose KIMs (the office regency) and as of which day. */
export function officeTitle(ctx: Context, db: Db, key: 'title.communities' | 'title.officers'): string {
  const code = officeRegencyCode(db);
  const regency = code ? titleCase(regionName(db, code) ?? code) : ctx.t('title.allRegions');
  return ctx.t(key, { regency, today: longDate(ctx.today, ctx.lang) });
}
