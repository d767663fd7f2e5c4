/**
 * A NIK as printed unless the clerk asks for it whole: region (4) and serial (4) stay visible,
 * so a clerk can still tell two officers apart, while the birth date part is hidden.
 * Anything shorter or odd is masked all the same, keeping only its last 2 characters.
 */
export function maskNik(nik: string | null | undefined): string | null {
  if (nik === null || nik === undefined) return null;
  const s = nik.trim();
  if (s === '') return '';
  if (s.length >= 12) return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
  if (s.length <= 2) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 2) + s.slice(-2);
}
