import type { Db } from '../db/connection.js';
import { usageError } from '../errors.js';
import { communityKey } from './ids/names.js';

export interface CommunityRef {
  id: number;
  name: string;
  number: string | null;
}

/**
 * Finds the community a user named: by id (`12`), community number (`35.74.03.1007.01`) or name
 * ("KIM Jati Mandiri", "jati mandiri"). A name that matches several is refused with the
 * candidates so the user can be precise; nothing found is exit 2.
 */
export function findCommunity(db: Db, text: string): CommunityRef {
  const q = text.trim();
  if (/^\d+$/.test(q)) {
    const byId = db.prepare(`SELECT id, name, number FROM communities WHERE id = ?`).get(Number(q)) as CommunityRef | undefined;
    if (byId) return byId;
  }
  const byNumber = db.prepare(`SELECT id, name, number FROM communities WHERE number = ?`).get(q) as CommunityRef | undefined;
  if (byNumber) return byNumber;
  const key = communityKey(q);
  let matches = db.prepare(`SELECT id, name, number FROM communities WHERE name_key = ? ORDER BY id`).all(key) as CommunityRef[];
  if (matches.length === 0 && key.length >= 3) {
    matches = db
      .prepare(`SELECT id, name, number FROM communities WHERE name_key LIKE ? ESCAPE '\\' ORDER BY id LIMIT 20`)
      .all(`%${key.replace(/[\\%_]/g, '\\$&')}%`) as CommunityRef[];
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw usageError('community.notFound', { value: q });
  throw usageError('community.ambiguous', {
    value: q,
    candidates: matches.slice(0, 10).map((m) => `${m.id} ${m.name}${m.number ? ` (${m.number})` : ''}`).join('; '),
  });
}

export function findCommunities(db: Db, texts: string[]): CommunityRef[] {
  const seen = new Set<number>();
  const out: CommunityRef[] = [];
  for (const t of texts) {
    const c = findCommunity(db, t);
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}
