import { parseDate } from '../ids/date.js';
import { foldText } from '../ids/names.js';
import { parseAcknowledged } from '../ids/values.js';
import { regionKey } from '../regions/normalize.js';
import type { Field } from './fields.js';

/**
 * Whether two spellings of a KIM's field say the same: a date by its day (12/03/2024 = 45363 =
 * 12-Mar-24), an acknowledgement by yes or no, a place by its region key ("Keban 2" = "KEBAN II"),
 * other text without case, spacing or punctuation. Rows of one KIM are typed again and again;
 * only a difference in meaning is a difference.
 */
export function sameMeaning(field: Field, a: string | null, b: string): boolean {
  if (a === b) return true;
  if (a === null) return false;
  switch (field) {
    case 'sk_date':
    case 'founded_date': {
      const x = parseDate(a);
      const y = parseDate(b);
      if (x !== null || y !== null) return x === y;
      break;
    }
    case 'acknowledged': {
      const x = parseAcknowledged(a);
      if (x !== null && x === parseAcknowledged(b)) return true;
      break;
    }
    case 'regency':
    case 'district':
    case 'village':
      return regionKey(a) === regionKey(b);
  }
  return foldText(a) === foldText(b);
}
