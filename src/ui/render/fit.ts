/**
 * Widths for the columns of a terminal table: each column's natural width (its widest cell) when
 * they all fit in `available`; else each gets its minimum (the widest word it must hold) plus a
 * share of the room left in proportion to how much wider it would like to be, so that a long
 * message gets more lines' worth of room than a short value. Undefined when even the minimums do
 * not fit: the caller then chooses another layout.
 */
export function fitWidths(natural: number[], minimum: number[], available: number): number[] | undefined {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= available) return natural;
  const spare = available - sum(minimum);
  if (spare < 0) return undefined;
  const wants = natural.map((n, i) => n - minimum[i]!);
  const total = sum(wants);
  const shares = wants.map((w) => (w * spare) / total);
  const widths = minimum.map((m, i) => m + Math.floor(shares[i]!));
  // The columns cut shortest by the rounding get the characters it left over.
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
  for (let left = available - sum(widths), k = 0; left > 0; left--, k++) widths[order[k % order.length]![1]]!++;
  return widths;
}

/** The room left for cells in a table of `columns` columns drawn `width` wide: borders and a space each side. */
export function cellRoom(width: number, columns: number): number {
  return width - 3 * columns - 1;
}
