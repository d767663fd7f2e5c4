/**
 * Name keys: how two spellings of the same name are recognised as one. Case, accents,
 * punctuation and spacing never distinguish two KIMs or two officers.
 */
/** "Dédi" → "Dedi": accents never distinguish two spellings of a name or a heading. */
export function stripAccents(text: string): string {
  // Most names are plain ASCII: skip the Unicode work for them (it is the import's hot path).
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}

export function foldText(text: string): string {
  let s = stripAccents(text);
  s = s.toLowerCase();
  if (APOSTROPHES.test(s)) s = s.replace(APOSTROPHES_ALL, '');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHES = /[’‘`´']/;
const APOSTROPHES_ALL = /[’‘`´']/g;

/** An officer's name key: "Siti Mu’awanah" and "SITI MUAWANAH" are the same person. */
export function personKey(name: string): string {
  return foldText(name);
}

const KIM_PREFIX = /^(kim|komunitas informasi masyarakat|kelompok informasi masyarakat)\s+/;

/** A community's name key: the "KIM" prefix is optional in how villages write it. */
export function communityKey(name: string): string {
  const folded = foldText(name);
  const stripped = folded.replace(KIM_PREFIX, '');
  return stripped === '' ? folded : stripped;
}

/**
 * The village half of a KIM's identity (with communityKey of its name): the village code when the
 * village was recognised, else the kecamatan and desa as written. The import and `kim edit` must
 * compute it alike, or an edited KIM would not be recognised by the next import.
 */
export function villageKey(villageCode: string | null, district: string, village: string): string {
  return villageCode ?? `?${communityKey(district)}|${communityKey(village)}`;
}
