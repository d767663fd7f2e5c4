import { audit } from '../../db/audit.js';
import { updateWithHistory } from '../../db/changes.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { storedReference } from '../../db/regions.js';
import { usageError } from '../../errors.js';
import { villageKey } from '../ids/names.js';
import { RegionResolver } from '../regions/resolve.js';
import { auditedChanges, diff, parseEdit, type EditValues } from './change.js';
import type { CommunityField } from './fields.js';
import type { EditOutcome } from './officer.js';

export interface CommunityEditRequest {
  communityId: number;
  values: Partial<Record<CommunityField, string>>;
  operator: string;
  today: string;
}

/**
 * Where the KIM is, recomputed as the import computes it when its kecamatan or desa changes: the
 * Kemendagri codes, and the village key that is half of the KIM's identity.
 */
function placeColumns(db: Db, stored: Record<string, unknown>, columns: Record<string, string | null>): Record<string, string | null> {
  const district = ('district_text' in columns ? columns.district_text : stored.district_text) as string | null;
  const village = ('village_text' in columns ? columns.village_text : stored.village_text) as string | null;
  const resolved = new RegionResolver(storedReference(db)).resolve((stored.regency_text as string | null) ?? '', district ?? '', village ?? '');
  const key = villageKey(resolved.villageCode, district ?? '', village ?? '');
  const taken = db
    .prepare(`SELECT id, name FROM communities WHERE village_key = ? AND name_key = ? AND id <> ?`)
    .get(key, stored.name_key, stored.id) as { id: number; name: string } | undefined;
  if (taken) throw usageError('edit.communityTaken', { name: taken.name, id: taken.id, village: village ?? '' });
  return { district_code: resolved.districtCode, village_code: resolved.villageCode, village_key: key, region_note: resolved.note ? JSON.stringify(resolved.note) : null };
}

/** Changes one KIM's own fields in one write transaction, audited, with a before-image for undo. */
export function editCommunity(db: Db, request: CommunityEditRequest): EditOutcome {
  const parsed = parseEdit(request.values as EditValues, request.today);
  if (parsed.fields.length === 0) throw usageError('edit.nothingAsked.community');
  return writeTransaction(db, () => {
    const stored = db.prepare(`SELECT * FROM communities WHERE id = ?`).get(request.communityId) as Record<string, unknown> | undefined;
    if (!stored) throw usageError('community.notFound', { value: String(request.communityId) });
    const { columns, changes } = diff(stored, parsed);
    const community = { id: stored.id as number, name: stored.name as string, number: stored.number as string | null };
    // A place typed again as it stands is looked up again: the reference may know it now (a KIM
    // imported before the regency was set), and that is what the clerk asked for.
    const placeAsked = parsed.fields.some((f) => f === 'district' || f === 'village');
    const place = placeAsked ? placeColumns(db, stored, columns) : {};
    const moved = Object.entries(place).some(([c, v]) => stored[c] !== v);
    if (changes.length === 0 && !moved) return { entity: 'community', id: community.id, name: community.name, community, changes, audit: null };
    if (placeAsked) Object.assign(columns, place);
    if (moved && changes.length === 0) {
      // The names stayed; the place they name is known now: say so as the village's code.
      changes.push({ field: 'village', from: (stored.village_code as string | null) ?? '?', to: (place.village_code as string | null) ?? '?' });
    }
    const auditId = audit(db, {
      operator: request.operator,
      action: 'community.edit',
      entity: 'community',
      entityId: community.id,
      details: { name: community.name, changes: auditedChanges(changes) },
    });
    updateWithHistory(db, { auditId }, 'community', community.id, { ...columns, updated_at: new Date().toISOString() });
    return { entity: 'community', id: community.id, name: community.name, community, changes, audit: auditId };
  });
}
