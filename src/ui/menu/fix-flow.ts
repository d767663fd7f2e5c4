import { editAndCheck, type EditRequest } from '../../core/edit/edit-and-check.js';
import { checkFieldValue, COMMUNITY_FIELDS, OFFICER_FIELDS, type CommunityField, type EditField, type OfficerField } from '../../core/edit/fields.js';
import { parseEnd } from '../../core/edit/officer.js';
import type { KimCard } from '../../core/desk/kim-card.js';
import { maskNik } from '../../core/ids/mask.js';
import { fieldLabel } from '../render/field-label.js';
import { editText } from './edit-view.js';
import { problemWith, type Desk } from './desk.js';
import type { Choice } from './prompts.js';

const BACK = '__back__';
const END = '__end__';

type Officer = KimCard['officers'][number];

/** The value of a field as the desk shows it: NIKs masked, blanks named. */
function shown(desk: Desk, field: EditField, value: string | null): string {
  if (value === null || value === '') return desk.t('edit.empty');
  return field === 'nik' ? maskNik(value)! : value;
}

/** Asks for a new value, checked as `kim edit` checks it, so a wrong one is refused before Enter is taken. */
async function askValue(desk: Desk, field: EditField, current: string | null): Promise<string> {
  // A NIK is typed whole, never offered back: the screen shows it masked. Any other value is
  // offered as the default, so that Enter keeps it rather than emptying the field.
  const message = field === 'nik' ? desk.t('review.newNik', { current: shown(desk, field, current) }) : desk.t('review.newValue', { field: fieldLabel(desk.t, field) });
  return desk.prompts.input(message, {
    default: field === 'nik' ? undefined : current ?? undefined,
    validate: (v) => problemWith(desk, () => checkFieldValue(field, v, desk.ctx.today)),
  });
}

/** Makes the edit through the same core as `kim edit`, then shows the change and the fresh check. */
async function apply(desk: Desk, request: EditRequest): Promise<void> {
  const edit = await desk.db((db) => editAndCheck(db, request, desk.t));
  desk.say(editText(desk.t, edit, desk.ctx.color));
}

/** Fixes one officer: choose the field (the one a problem points at comes first), type the value. */
export async function fixOfficer(desk: Desk, officer: Officer, suggested?: OfficerField): Promise<void> {
  const { t, prompts, ctx } = desk;
  const value = (f: OfficerField): string | null => (f === 'birthDate' ? officer.birthDate : (officer as unknown as Record<string, string | null>)[f] ?? null);
  const choices: Choice<string>[] = [
    ...OFFICER_FIELDS.map((f) => ({ value: f, name: t('review.fieldNow', { field: fieldLabel(t, f), value: shown(desk, f, value(f)) }) })),
    { value: END, name: t('review.endTerm') },
    { value: BACK, name: t('menu.back') },
  ];
  const field = await prompts.select(t('review.whatToFix', { name: officer.name }), choices, { default: suggested });
  if (field === BACK) return;
  const who = { operator: ctx.operator, today: ctx.today };
  if (field === END) {
    const date = await prompts.input(t('review.endDate'), { default: ctx.today, validate: (v) => problemWith(desk, () => parseEnd({ date: v, reason: 'x' }, ctx.today)) });
    const reason = await prompts.input(t('review.endReason'), { validate: (v) => (v.trim() ? null : t('review.reasonRequired')) });
    if (!(await prompts.confirm(t('review.confirmEnd', { name: officer.name, date })))) {
      desk.say(t('confirm.aborted'));
      return;
    }
    return apply(desk, { entity: 'officer', officerId: officer.id, values: {}, end: { date, reason }, ...who });
  }
  const f = field as OfficerField;
  const typed = await askValue(desk, f, value(f));
  return apply(desk, { entity: 'officer', officerId: officer.id, values: { [f]: typed }, ...who });
}

/** Fixes one of the KIM's own fields: SK, acknowledgement, kecamatan or desa. */
export async function fixCommunity(desk: Desk, card: KimCard, suggested?: CommunityField): Promise<void> {
  const { t, prompts, ctx } = desk;
  const c = card.community;
  const current: Record<CommunityField, string | null> = {
    skNumber: c.skNumber, skDate: c.skDate, skIssuer: c.skIssuer, acknowledged: c.acknowledged, district: c.district, village: c.village,
  };
  const field = await prompts.select(
    t('review.whatToFix', { name: c.name }),
    [
      ...COMMUNITY_FIELDS.map((f) => ({ value: f as string, name: t('review.fieldNow', { field: fieldLabel(t, f), value: shown(desk, f, current[f]) }) })),
      { value: BACK, name: t('menu.back') },
    ],
    { default: suggested },
  );
  if (field === BACK) return;
  const f = field as CommunityField;
  const typed = await askValue(desk, f, current[f]);
  return apply(desk, { entity: 'community', communityId: c.id, values: { [f]: typed }, operator: ctx.operator, today: ctx.today });
}

/** Picks one active officer of the KIM (for a missing role, a roster too large, an end of term). */
export async function pickOfficer(desk: Desk, card: KimCard): Promise<Officer | undefined> {
  const { t } = desk;
  if (card.officers.length === 0) {
    desk.say(t('review.noOfficers'));
    return undefined;
  }
  const id = await desk.prompts.select<number>(t('review.pickOfficer'), [
    ...card.officers.map((o) => ({ value: o.id, name: `${o.name} — ${o.role ?? t('edit.empty')}`, description: o.occupation ?? undefined })),
    { value: -1, name: t('menu.back') },
  ]);
  return card.officers.find((o) => o.id === id);
}
