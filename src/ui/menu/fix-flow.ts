import { editAndCheck, type EditRequest } from '../../core/edit/edit-and-check.js';
import { checkFieldValue, COMMUNITY_FIELDS, OFFICER_FIELDS, type CommunityField, type EditField, type OfficerField } from '../../core/edit/fields.js';
import { parseEnd } from '../../core/edit/officer.js';
import type { KimCard } from '../../core/desk/kim-card.js';
import { maskNik } from '../../core/ids/mask.js';
import { fieldLabel } from '../render/field-label.js';
import { editText } from './edit-view.js';
import { problemWith, type Desk } from './desk.js';
import type { Choice } from './prompts.js';

const END = '__end__';

type Officer = KimCard['officers'][number];

/** The value of a field as the desk shows it: NIKs masked, blanks named. */
function shown(desk: Desk, field: EditField, value: string | null): string {
  if (value === null || value === '') return desk.t('edit.empty');
  return field === 'nik' ? maskNik(value)! : value;
}

/**
 * Asks for a new value, checked as `kim edit` checks it, so a wrong one is refused before Enter is
 * taken. Esc goes back (undefined); an empty answer is a value here: it clears the field.
 */
async function askValue(desk: Desk, field: EditField, current: string | null): Promise<string | undefined> {
  // A NIK is typed whole, never offered back: the screen shows it masked. Any other value is
  // offered as the default, so that Enter keeps it rather than emptying the field.
  const message = field === 'nik' ? desk.t('review.newNik', { current: shown(desk, field, current) }) : desk.t('review.newValue', { field: fieldLabel(desk.t, field) });
  return desk.ask(message, {
    default: field === 'nik' ? undefined : current ?? undefined,
    validate: (v) => problemWith(desk, () => checkFieldValue(field, v, desk.ctx.today)),
    emptyIsAnswer: field !== 'nik',
  });
}

/** Makes the edit through the same core as `kim edit`, then shows the change and the fresh check. */
async function apply(desk: Desk, request: EditRequest): Promise<void> {
  const edit = await desk.db((db) => editAndCheck(db, request, desk.t));
  desk.say(editText(desk.t, edit, desk.ctx.color));
}

/** Ends an officer's term: the day, the reason, a confirmation. False when the clerk went back. */
async function endTerm(desk: Desk, officer: Officer): Promise<boolean> {
  const { t, prompts, ctx } = desk;
  const date = await desk.ask(t('review.endDate'), { default: ctx.today, validate: (v) => problemWith(desk, () => parseEnd({ date: v, reason: 'x' }, ctx.today)) });
  if (date === undefined) return false;
  const reason = await desk.ask(t('review.endReason'));
  if (reason === undefined) return false;
  if (!(await prompts.confirm(t('review.confirmEnd', { name: officer.name, date })))) {
    desk.say(t('confirm.aborted'));
    return true;
  }
  await apply(desk, { entity: 'officer', officerId: officer.id, values: {}, end: { date, reason }, operator: ctx.operator, today: ctx.today });
  return true;
}

/**
 * Fixes one officer: choose the field (the one a problem points at comes first), type the value.
 * Going back from the value returns to the fields.
 */
export async function fixOfficer(desk: Desk, officer: Officer, suggested?: OfficerField): Promise<void> {
  const { t, ctx } = desk;
  const value = (f: OfficerField): string | null => (f === 'birthDate' ? officer.birthDate : (officer as unknown as Record<string, string | null>)[f] ?? null);
  const choices: Choice<string>[] = [
    ...OFFICER_FIELDS.map((f) => ({ value: f, name: t('review.fieldNow', { field: fieldLabel(t, f), value: shown(desk, f, value(f)) }) })),
    { value: END, name: t('review.endTerm') },
  ];
  for (;;) {
    const field = await desk.pick(t('review.whatToFix', { name: officer.name }), choices, { default: suggested });
    if (field === undefined) return;
    if (field === END) {
      if (await endTerm(desk, officer)) return;
      continue;
    }
    const f = field as OfficerField;
    const typed = await askValue(desk, f, value(f));
    if (typed === undefined) continue;
    return apply(desk, { entity: 'officer', officerId: officer.id, values: { [f]: typed }, operator: ctx.operator, today: ctx.today });
  }
}

/** Fixes one of the KIM's own fields: SK, acknowledgement, kecamatan or desa. */
export async function fixCommunity(desk: Desk, card: KimCard, suggested?: CommunityField): Promise<void> {
  const { t, ctx } = desk;
  const c = card.community;
  const current: Record<CommunityField, string | null> = {
    skNumber: c.skNumber, skDate: c.skDate, skIssuer: c.skIssuer, acknowledged: c.acknowledged, district: c.district, village: c.village,
  };
  const choices = COMMUNITY_FIELDS.map((f) => ({ value: f as string, name: t('review.fieldNow', { field: fieldLabel(t, f), value: shown(desk, f, current[f]) }) }));
  for (;;) {
    const field = await desk.pick(t('review.whatToFix', { name: c.name }), choices, { default: suggested });
    if (field === undefined) return;
    const f = field as CommunityField;
    const typed = await askValue(desk, f, current[f]);
    if (typed === undefined) continue;
    return apply(desk, { entity: 'community', communityId: c.id, values: { [f]: typed }, operator: ctx.operator, today: ctx.today });
  }
}

/** Picks one active officer of the KIM (for a missing role, a roster too large, an end of term). */
export async function pickOfficer(desk: Desk, card: KimCard): Promise<Officer | undefined> {
  const { t } = desk;
  if (card.officers.length === 0) {
    desk.say(t('review.noOfficers'));
    return undefined;
  }
  const id = await desk.pick<number>(
    t('review.pickOfficer'),
    card.officers.map((o) => ({ value: o.id, name: `${o.name} — ${o.role ?? t('edit.empty')}`, description: o.occupation ?? undefined })),
  );
  return card.officers.find((o) => o.id === id);
}
