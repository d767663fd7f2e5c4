import type { Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { nikKey } from '../ids/nik.js';
import { maskNik } from '../ids/mask.js';
import { personKey } from '../ids/names.js';

export interface OfficerRef {
  id: number;
  name: string;
  communityId: number;
}

type Candidate = OfficerRef & { community: string };

const CANDIDATES = `SELECT o.id, o.name, o.community_id AS communityId, c.name AS community FROM officers o
  JOIN communities c ON c.id = o.community_id
  WHERE (@community IS NULL OR o.community_id = @community) AND `;
const ORDER = ` ORDER BY o.ended_at IS NOT NULL, o.id LIMIT 10`;

/**
 * Finds the officer a user named: by id (`kim show <KIM> --format json` lists them), by NIK, or
 * by name, optionally within one community. Several matches are refused with their ids so the
 * user can pick one; an active officer is preferred to an ended one of the same NIK or name.
 */
export function findOfficer(db: Db, text: string, communityId?: number): OfficerRef {
  const q = text.trim();
  const digits = nikKey(q);
  const params = { community: communityId ?? null };
  if (digits && digits.length < 12) {
    const byId = db.prepare(CANDIDATES + `o.id = @id`).get({ ...params, id: Number(digits) }) as Candidate | undefined;
    if (byId) return byId;
    throw usageError('edit.officerNotFound', { value: q });
  }
  const nik = digits !== null;
  const matches = (
    nik
      ? db.prepare(CANDIDATES + `o.nik_key = @key` + ORDER).all({ ...params, key: digits })
      : db.prepare(CANDIDATES + `o.name_key = @key` + ORDER).all({ ...params, key: personKey(q) })
  ) as Candidate[];
  const shown = nik ? maskNik(q) : q;
  if (matches.length === 0) throw usageError('edit.officerNotFound', { value: shown });
  const active = db.prepare(`SELECT id FROM officers WHERE ended_at IS NULL AND id IN (SELECT value FROM json_each(?))`).pluck()
    .all(JSON.stringify(matches.map((m) => m.id))) as number[];
  const pick = active.length === 1 ? matches.find((m) => m.id === active[0]) : matches.length === 1 ? matches[0] : undefined;
  if (pick) return pick;
  throw usageError('edit.officerAmbiguous', { value: shown, candidates: matches.map((m) => `${m.id} ${m.name} (${m.community})`).join('; ') });
}
