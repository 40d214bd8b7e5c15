import { invoiceStatus } from "../../../shared/loop/invoice-state";
import { validRecords, type LoopCard } from "./loop-card";
import { dayWithin, type ReportDays } from "./report-days";
import type { InvoiceRow, InvoicingSection } from "./report-model";

/** Invoices issued and paid in the month, those overdue at its end (or today while it runs), and totals per currency. */
export function buildInvoicingSection(
  cards: readonly LoopCard[],
  milestoneNames: Map<string, string>,
  days: ReportDays,
): InvoicingSection {
  const rows: InvoiceRow[] = validRecords(cards, "invoice")
    .filter(({ value }) => value.issuedOn <= days.asOf)
    .map(({ card, value }) => {
      // Paid after the day the month is judged on: it was still unpaid then.
      const paidBy = value.paidOn && value.paidOn <= days.asOf ? value.paidOn : undefined;
      const milestone = value.milestone ? (milestoneNames.get(value.milestone) ?? "Unknown milestone") : undefined;
      return {
        cardId: card.id,
        number: value.number,
        amount: value.amount,
        currency: value.currency,
        issuedOn: value.issuedOn,
        dueOn: value.dueOn,
        ...(paidBy ? { paidOn: paidBy } : {}),
        ...(milestone ? { milestone } : {}),
        status: invoiceStatus({ dueOn: value.dueOn, paidOn: paidBy }, days.asOf),
      };
    })
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number));
  const issued = rows.filter((r) => dayWithin(r.issuedOn, days.first, days.last));
  const paid = rows.filter((r) => dayWithin(r.paidOn, days.first, days.last));
  const overdue = rows.filter((r) => r.status === "overdue");
  const currencies = [...new Set([...issued, ...paid, ...overdue].map((r) => r.currency))].sort();
  // Summed in cents: 0.1 + 0.2 of a currency must total 0.3, not 0.30000000000000004.
  const sum = (list: InvoiceRow[], currency: string) =>
    list.filter((r) => r.currency === currency).reduce((s, r) => s + Math.round(r.amount * 100), 0) / 100;
  return {
    issued,
    paid,
    overdue,
    totals: currencies.map((currency) => ({
      currency,
      issued: sum(issued, currency),
      paid: sum(paid, currency),
      overdue: sum(overdue, currency),
    })),
  };
}
