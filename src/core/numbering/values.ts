import type { TokenValues } from './template.js';

/** The codes of a community as stored, enough to fill the region tokens. */
export interface RegionCodes {
  village_code: string | null;
  district_code: string | null;
}

const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const DISTRICT = /^\d{2}\.\d{2}\.\d{2}$/;

/**
 * Token values for one community: the Kemendagri codes cut from its village code (or, when only
 * the district is resolved, from the district code), and `{year}` = the year of the day the
 * number is given. A code that is not in Kemendagri shape gives no value, so the community is
 * refused rather than numbered with a malformed code.
 */
export function tokenValues(codes: RegionCodes, today: string): TokenValues {
  const values: TokenValues = { year: today.slice(0, 4) };
  const village = codes.village_code && VILLAGE.test(codes.village_code) ? codes.village_code : null;
  const district = village ? village.slice(0, 8) : codes.district_code && DISTRICT.test(codes.district_code) ? codes.district_code : null;
  if (village) values.village = village;
  if (district) {
    values.district = district;
    values.regency = district.slice(0, 5);
    values.province = district.slice(0, 2);
  }
  return values;
}
