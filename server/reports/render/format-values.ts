import { DateTime } from "luxon";

/** A calendar day (YYYY-MM-DD) as "5 Mar 2026"; anything unparseable is shown as given. */
export function formatDay(day: string): string {
  const parsed = DateTime.fromISO(day, { zone: "utc" });
  return parsed.isValid ? parsed.toFormat("d LLL yyyy") : day;
}

/** An ISO instant shown in the board's zone, e.g. "5 Mar 2026, 14:30 CET". */
export function formatInstant(iso: string, timezone: string): string {
  const parsed = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  return parsed.isValid ? parsed.toFormat("d LLL yyyy, HH:mm ZZZZ") : iso;
}

/** A month (YYYY-MM) as "March 2026". */
export function formatMonth(month: string): string {
  const parsed = DateTime.fromISO(`${month}-01`, { zone: "utc" });
  return parsed.isValid ? parsed.toFormat("LLLL yyyy") : month;
}

/** An amount in its currency ("EUR 1,200.00" style when Intl does not know the code). */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** "on-track" → "On track". */
export function formatLabel(value: string): string {
  const spaced = value.replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
