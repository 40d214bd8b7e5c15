/** The month before the one `today` (YYYY-MM-DD) falls in, as YYYY-MM: the month a report is usually wanted for. */
export function previousMonth(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
