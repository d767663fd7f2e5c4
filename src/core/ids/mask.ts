/**
 * How kim hides NIKs (docs/operations.md, "Personal data"). The rule: by default nothing kim
 * prints, exports or logs narrows a NIK down to fewer than the 10,000 serials a person's region
 * and birth date leave open. A NIK is region (6) + birth date (6, day +40 for women) + serial (4),
 * and the region and birth date can be rebuilt from the columns beside it (village code, birth
 * date, sex), so the serial is the secret part: a masked NIK never shows any of it.
 */

/** Characters of a NIK shown when masked: its province and regency, which the KIM's place shows anyway. */
export const NIK_SHOWN = 4;

/** A value shorter than this is starred whole: too short to start with a region, it may be any part of a NIK. */
export const NIK_SHOWN_FROM = 12;

/**
 * A NIK as printed unless the clerk asks for it whole: its first four characters (province and
 * regency), every other character starred, so that nothing of the birth date or serial shows. A
 * value shorter than twelve characters (not a NIK, or a mangled one) is starred whole.
 */
export function maskNik(nik: string | null | undefined): string | null {
  if (nik === null || nik === undefined) return null;
  // Excel's text marker is no part of the NIK: shown, it would take the place of a digit.
  const s = nik.trim().replace(/^'+/, '');
  if (s.length < NIK_SHOWN_FROM) return '*'.repeat(s.length);
  return s.slice(0, NIK_SHOWN) + '*'.repeat(s.length - NIK_SHOWN);
}

/** Digits in groups joined by a space, dot or dash (or two): where a NIK typed into free text may hide. */
const DIGIT_RUN = /\d+(?:[ .\u00a0-]{1,2}\d+)*/g;
/** Full-width digits (an Asian keyboard layout, text pasted from elsewhere) read as digits. */
const FULL_WIDTH = /[\uff10-\uff19]/g;
const HAS_FULL_WIDTH = /[\uff10-\uff19]/;
const NIK_DIGITS = 16;

/**
 * Text with every NIK-shaped number in it masked as maskNik masks a NIK: sixteen digits written
 * whole or in groups (3574 0411 1273 0102, 3574.0411.1273.0102, 357404-111273-0102), among
 * whatever numbers stand beside them ("NIK 3574041112730102 2025"). Groups are never cut: an
 * 18-digit NIP is not a NIK, nor are a phone number and a date. Only digits are starred.
 */
export function maskNiksInText(text: string): string {
  const plain = HAS_FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)) : text;
  return plain.replace(DIGIT_RUN, (run) => {
    const groups = run.match(/\d+/g)!;
    if (groups.length === 1) return groups[0]!.length === NIK_DIGITS ? maskNik(run)! : run;
    const hidden = new Array<boolean>(groups.length).fill(false);
    for (let first = 0; first < groups.length; first++) {
      let digits = 0;
      for (let last = first; last < groups.length && digits < NIK_DIGITS; last++) {
        digits += groups[last]!.length;
        if (digits === NIK_DIGITS) for (let g = first; g <= last; g++) hidden[g] = true;
      }
    }
    if (!hidden.includes(true)) return run;
    let group = -1;
    let shown = 0;
    return run.replace(/\d+/g, (digits) => {
      group++;
      if (!hidden[group]) {
        shown = 0;
        return digits;
      }
      // The first four digits of each hidden stretch stay, as in a masked NIK.
      if (group === 0 || !hidden[group - 1]) shown = 0;
      return digits.replace(/\d/g, (d) => (shown++ < NIK_SHOWN ? d : '*'));
    });
  });
}
