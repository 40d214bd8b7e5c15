/** An amount in its currency ("€1,200.00"), or "1200 XYZ" when the platform does not know the code. */
export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
