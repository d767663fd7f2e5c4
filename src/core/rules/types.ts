import type { MessageKey } from '../../ui/messages/index.js';
import type { OfficerValues } from '../import/columns.js';

export type Severity = 'error' | 'warning';
export type Category = 'legality' | 'administrative' | 'data';

/** The fixed rule codes of the contract, in the order `kim rules` lists them. */
export const RULE_CODES = [
  'LEG-SK-MISSING', 'LEG-SK-DATE', 'LEG-SK-ISSUER', 'LEG-ACK', 'LEG-REGION',
  'ADM-ASN', 'ADM-PARTY', 'ADM-NGO', 'ADM-ROLES', 'ADM-SIZE', 'ADM-AGE', 'ADM-DUP-NIK', 'ADM-DUP-NIK-REGENCY',
  'DAT-NIK', 'DAT-NIK-MISMATCH', 'DAT-PHONE',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** A community as the rules read it (columns of the communities table). */
export interface CommunityRecord {
  id: number;
  name: string;
  number: string | null;
  regency_text: string | null;
  district_text: string | null;
  village_text: string | null;
  district_code: string | null;
  village_code: string | null;
  sk_number: string | null;
  sk_date: string | null;
  sk_date_iso: string | null;
  sk_issuer: string | null;
  acknowledged: string | null;
  /** What no roster of this KIM had a column for, of what the rules need ('role,party'), or null. */
  blind: string | null;
  /** JSON: how uncertainly its village or district was recognised, or null when for certain. */
  region_note: string | null;
}

/**
 * An active officer as the rules read it (columns of the officers table). Rules may show but never
 * judge by name, birth_date and gender as written: the short cut of typical.ts judges by the rest.
 */
export type OfficerRecord = { id: number; community_id: number } & Omit<OfficerValues, 'name_key' | 'birth_place' | 'address'>;

/** What a message needs to be rendered later in either language; `reason` picks the sentence. */
export type FindingParams = { reason: string } & Record<string, string | number>;

/** One problem a check found, before the runner adds the rule's code, category and severity. */
export interface Hit {
  field: string | null;
  /** The value as written; the runner masks it when the field is the NIK. */
  value: string | null;
  params: FindingParams;
  /** Only for a finding less grave than its rule (TNI/Polri under ADM-ASN). */
  severity?: Severity;
}

/** The office's effective rule settings. */
export interface RuleConfig {
  severity: Record<RuleCode, Severity>;
  enabled: Record<RuleCode, boolean>;
  sizeMin: number;
  sizeMax: number;
  ageMin: number;
  allowedIssuers: string[];
  warnTniPolri: boolean;
}

/** What checks may consult besides the record itself; built once per run. */
export interface CheckEnv {
  today: string;
  config: RuleConfig;
  /** The office regency code, or undefined when none is set. */
  regency: string | undefined;
  /** Parent code of every district and village of the office regency. */
  regions: Map<string, string | null>;
  /** nik_key -> active communities holding it, for NIKs active in more than one. */
  nikCommunities: Map<string, { id: number; name: string }[]>;
  /** Provincial database only: nik_key -> active merged communities holding it, for NIKs held in two regencies. */
  nikRegencies?: Map<string, { id: number; name: string; regency: { code: string; name: string } }[]>;
}

/**
 * A rule: fixed data plus one check. A community check sees the community, a roster check the
 * roles of its active officers (one each, blank as null), an officer check one officer at a time.
 */
export interface Rule {
  code: RuleCode;
  category: Category;
  severity: Severity;
  description: MessageKey;
  /**
   * 'province': checked across the offices of a provincial database (core/province/duplicates.ts),
   * never by an office's validation, which sees one regency only.
   */
  scope?: 'province';
  community?(c: CommunityRecord, env: CheckEnv): Hit[];
  roster?(c: CommunityRecord, roles: readonly (string | null)[], env: CheckEnv): Hit[];
  officer?(o: OfficerRecord, c: CommunityRecord, env: CheckEnv): Hit[];
}
