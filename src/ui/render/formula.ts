const NEGATIVE_NUMBER = /^-\d+([.,]\d+)*$/;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first: OWASP's list) gets a
 * leading apostrophe; real negative numbers such as -5 or -2,5 are left alone, and so is a lone
 * "-", the way rosters write "none" (a spreadsheet shows it as text). A leading + always gets one:
 * nothing in a roster is a signed positive number, but phone numbers are written +6281…, and a
 * spreadsheet would take that for the number 6.28E+12 and lose the phone.
 */
export function neutraliseFormula(text: string): string {
  if (text === '') return text;
  const first = text[0]!;
  if (first === '=' || first === '@' || first === '+' || first === '\t' || first === '\r') return `'${text}`;
  if (first === '-' && text.length > 1 && !NEGATIVE_NUMBER.test(text)) return `'${text}`;
  return text;
}
