import type { Invoice } from "./invoice";

export type InvoiceStatus = "paid" | "overdue" | "open";

/** Paid, overdue (unpaid past its due day) or open, on `today` (a calendar day). */
export function invoiceStatus(invoice: Pick<Invoice, "dueOn" | "paidOn">, today: string): InvoiceStatus {
  if (invoice.paidOn) return "paid";
  return today > invoice.dueOn ? "overdue" : "open";
}
