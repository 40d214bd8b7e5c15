/** The middle value (mean of the two middle ones for an even count): robust to one noisy round. */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError("No values to take the median of");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
