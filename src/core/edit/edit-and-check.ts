import type { Db } from '../../db/connection.js';
import type { Translate } from '../../ui/messages/index.js';
import { refuseMerged } from '../province/scope.js';
import { refreshValidation, revalidator } from '../reports/freshness.js';
import { parseEdit, type EditValues } from './change.js';
import { editCommunity, type CommunityEditRequest } from './community.js';
import { editOfficer, parseEnd, type EditOutcome, type OfficerEditRequest } from './officer.js';
import { recheckCommunity, type Recheck } from './recheck.js';

export type EditRequest = ({ entity: 'officer' } & OfficerEditRequest) | ({ entity: 'community' } & CommunityEditRequest);

export interface CheckedEdit extends EditOutcome {
  validation: Recheck;
}

/**
 * What `kim edit` and the desk's fixes both do: bring the KIM's stored result up to date (so the
 * clerk is told exactly what the fix solved), make the edit, and validate the KIM again at once.
 */
export function editAndCheck(db: Db, request: EditRequest, t: Translate): CheckedEdit {
  const who = { today: request.today, operator: request.operator };
  // Values are checked before anything is written, the refreshed result included.
  parseEdit(request.values as EditValues, request.today);
  if (request.entity === 'officer' && request.end) parseEnd(request.end, request.today);
  const communityId =
    request.entity === 'community'
      ? request.communityId
      : ((db.prepare(`SELECT community_id FROM officers WHERE id = ?`).pluck().get(request.officerId) as number | undefined) ?? undefined);
  if (communityId !== undefined) {
    refuseMerged(db, communityId);
    refreshValidation(db, revalidator(db, who), communityId);
  }
  const outcome = request.entity === 'officer' ? editOfficer(db, request) : editCommunity(db, request);
  return { ...outcome, validation: recheckCommunity(db, outcome.community.id, { ...who, t }) };
}
