import { kimCard, type KimCard } from '../../core/desk/kim-card.js';
import { FINDING_COMMUNITY_FIELD, FINDING_OFFICER_FIELD } from '../../core/edit/fields.js';
import { followUpList } from '../../core/reports/follow-up.js';
import { refreshValidation, revalidator } from '../../core/reports/freshness.js';
import type { StoredProblem } from '../../core/reports/follow-up.js';
import { problemText } from '../render/follow-up-view.js';
import type { Desk } from './desk.js';
import { fixCommunity, fixOfficer, pickOfficer } from './fix-flow.js';
import type { Entry } from './prompts.js';

type Action = { kind: 'problem'; index: number } | { kind: 'officer' } | { kind: 'community' };

function cardText(desk: Desk, card: KimCard): string {
  const { t, ctx } = desk;
  const c = card.community;
  const none = t('edit.empty');
  const lines = [
    ctx.color.bold(c.name),
    t('review.place', { district: c.district ?? none, village: c.village ?? none, number: c.number ?? t('review.noNumber') }),
    t('review.sk', { number: c.skNumber ?? none, date: c.skDate ?? none, issuer: c.skIssuer ?? none, acknowledged: c.acknowledged ?? none }),
  ];
  if (card.problems.length === 0) lines.push(ctx.color.green(t('review.clean')));
  else {
    lines.push(t('review.problems', { count: card.problems.length }));
    for (const p of card.problems) {
      const line = `  ${p.severity === 'error' ? '✗' : '!'} ${p.rule}  ${problemText(t, p)}`;
      lines.push(p.severity === 'error' ? ctx.color.red(line) : ctx.color.yellow(line));
    }
  }
  return lines.join('\n');
}

async function fixProblem(desk: Desk, card: KimCard, p: StoredProblem): Promise<void> {
  const officer = p.officer ? card.officers.find((o) => o.id === p.officer!.id) : undefined;
  if (officer) return fixOfficer(desk, officer, FINDING_OFFICER_FIELD[p.field ?? '']);
  const field = FINDING_COMMUNITY_FIELD[p.field ?? ''];
  if (field) return fixCommunity(desk, card, field);
  // A missing role or a roster of the wrong size is fixed on one of its officers.
  const chosen = await pickOfficer(desk, card);
  if (chosen) return fixOfficer(desk, chosen, p.field === 'role' ? 'role' : undefined);
}

/** One KIM: its problems in plain words, and what the clerk can fix, until they go back. */
export async function openCommunity(desk: Desk, id: number): Promise<void> {
  const { t } = desk;
  for (;;) {
    const card = await desk.db((db) => {
      refreshValidation(db, revalidator(db, desk.ctx), id);
      return kimCard(db, id);
    });
    if (!card) return;
    desk.say();
    desk.say(cardText(desk, card));
    const entries: Entry<Action>[] = [
      ...card.problems.map((p, index) => ({ value: { kind: 'problem', index } as Action, name: t('review.fixThis', { problem: problemText(t, p) }) })),
      { value: { kind: 'officer' }, name: t('review.editOfficer') },
      { value: { kind: 'community' }, name: t('review.editCommunity') },
    ];
    const action = await desk.pick<Action>(t('review.whatNow'), entries);
    if (!action) return;
    if (action.kind === 'problem') await fixProblem(desk, card, card.problems[action.index]!);
    else if (action.kind === 'community') await fixCommunity(desk, card);
    else {
      const officer = await pickOfficer(desk, card);
      if (officer) await fixOfficer(desk, officer);
    }
  }
}

/** KIMs with open problems, by kecamatan; the clerk opens one, fixes, and comes back to the list. */
export async function reviewProblems(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  for (;;) {
    const list = await desk.db((db) => {
      refreshValidation(db, revalidator(db, ctx));
      return followUpList(db, { today: ctx.today });
    });
    if (list.length === 0) {
      desk.say(ctx.color.green(t('review.none')));
      return;
    }
    const entries: Entry<number>[] = [];
    let district: string | null | undefined;
    for (const f of list) {
      if (f.district !== district || entries.length === 0) {
        district = f.district;
        entries.push({ separator: `── ${district ?? t('review.noDistrict')} ──` });
      }
      const counts = t('review.counts', { errors: f.errors, warnings: f.warnings });
      entries.push({ value: f.community.id, name: `${f.community.name} (${f.village ?? '?'}) — ${counts}` });
    }
    const id = await desk.pick<number>(t('review.pick', { count: list.length }), entries);
    if (id === undefined) return;
    await openCommunity(desk, id);
  }
}
