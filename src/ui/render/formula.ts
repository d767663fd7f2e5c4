const NUMBER = /^[+-]?\d+([.,]\d+)*$/;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe; real numbers such as -5 or -2,5 are left alone.
 */
export function neutraliseFormula(text: string): string {
  if (text === '') return text;
  const first = text[0]!;
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return `'${text}`;
  if ((first === '+' || first === '-') && !NUMBER.test(text)) return `'${text}`;
  return text;
}
